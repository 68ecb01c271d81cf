namespace ThalNet.Runtime.Analysis;

/// <summary>A line of a metrics log is not a metrics record; the message names the source and line.</summary>
public sealed class MetricsFormatException : FormatException
{
    /// <summary>An error at one line of a metrics log.</summary>
    /// <param name="source">The file path or name of the log.</param>
    /// <param name="lineNumber">The 1-based line.</param>
    /// <param name="problem">What is wrong with it.</param>
    public MetricsFormatException(string source, int lineNumber, string problem)
        : base($"{source} line {lineNumber}: {problem}. Each line must be one JSON object with an integer \"step\", e.g. {{\"step\": 100, \"split\": \"train\", \"loss\": 0.5}}.")
    {
        LogSource = source;
        LineNumber = lineNumber;
    }

    /// <summary>The file path or source name of the log.</summary>
    public string LogSource { get; }

    /// <summary>1-based.</summary>
    public int LineNumber { get; }
}
