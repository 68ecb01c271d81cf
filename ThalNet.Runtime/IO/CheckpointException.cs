namespace ThalNet.Runtime.IO;

/// <summary>
/// A checkpoint file cannot be read: it is truncated, corrupt or uses something this reader
/// does not support. The message names the file, what is wrong and what to do about it.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>A checkpoint that cannot be read.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="remedy">What to do about it, appended to the message.</param>
    public CheckpointException(string filePath, string problem, string remedy)
        : base($"Checkpoint '{filePath}' cannot be read: {problem}. {remedy}")
    {
        FilePath = filePath;
    }

    /// <summary>The file (or in-memory source name) that failed to read.</summary>
    public string FilePath { get; }
}
