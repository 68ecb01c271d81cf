using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// A dataset file is missing, truncated, corrupt or could not be downloaded. The message names the
/// file, what is wrong with it, and how to get a good copy.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>A problem with one dataset file.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="problem">What is wrong with it ("missing", "truncated: ...").</param>
    /// <param name="howToGet">How to get a good copy, appended to the message.</param>
    /// <param name="innerException">The error that revealed the problem, if any.</param>
    public DatasetException(string filePath, string problem, string howToGet, Exception? innerException = null)
        : base($"{filePath}: {problem}. {howToGet}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
        HowToGet = howToGet;
    }

    /// <summary>The file (or folder) concerned.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, e.g. "expected 7840016 bytes, found 1000".</summary>
    public string Problem { get; }

    /// <summary>Where to get the data from, or which option to pass.</summary>
    public string HowToGet { get; }
}
