namespace ThalNet.Runtime.Analysis;

/// <summary>A line of a metrics log is not a metrics record; the message names the source and line.</summary>
public sealed class MetricsFormatException : FormatException
{
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
