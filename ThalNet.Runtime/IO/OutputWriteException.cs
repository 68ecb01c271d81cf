namespace ThalNet.Runtime.IO;

/// <summary>
/// A file or folder the run writes (checkpoint, metrics log, report) could not be written: a full disk, a read-only
/// folder, a path the operating system refuses. The message names the path and the operating system's reason, and
/// for a checkpoint which earlier checkpoint is still intact, so it is shown as one line without a stack trace.
/// </summary>
public sealed class OutputWriteException : IOException
{
    /// <param name="filePath">The file or folder that could not be written.</param>
    /// <param name="reason">The operating system's reason, e.g. <c>No space left on device</c>.</param>
    /// <param name="consequence">What is left, e.g. which previous checkpoint is intact; null to say nothing.</param>
    /// <param name="inner">The exception the write failed with.</param>
    public OutputWriteException(string filePath, string reason, string? consequence, Exception? inner)
        : base($"cannot write '{filePath}': {reason}" + (consequence is null ? "" : "; " + consequence), inner)
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>The file or folder that could not be written.</summary>
    public string FilePath { get; }

    /// <summary>The operating system's reason.</summary>
    public string Reason { get; }

    /// <summary>True for the exceptions a failed write of a file or folder throws (I/O errors, refused access).</summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException && e is not OutputWriteException;

    /// <summary>The operating system's reason of <paramref name="e"/>, without the path .NET appends to it.</summary>
    public static string ReasonOf(Exception e)
    {
        var message = e.Message;
        // .NET writes "No space left on device : '/path/file'"; the path is in this exception's message already.
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).TrimEnd('.');
    }
}
