namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>What one run of an example program did.</summary>
internal sealed class ExampleRun(string commandLine, int exitCode, string standardOutput, string standardError, TimeSpan elapsed)
{
    private ExampleOutput? _output;

    public string CommandLine => commandLine;

    public int ExitCode => exitCode;

    public string StandardOutput => standardOutput;

    public string StandardError => standardError;

    public TimeSpan Elapsed => elapsed;

    /// <summary>Standard output parsed into epoch and summary lines.</summary>
    public ExampleOutput Output => _output ??= new ExampleOutput(standardOutput);

    /// <summary>Fails, showing everything the program printed, unless it exited with 0.</summary>
    public ExampleRun Succeeded()
    {
        Assert.True(exitCode == 0, $"{commandLine} exited with {exitCode}.\n--- stdout\n{standardOutput}\n--- stderr\n{standardError}");
        return this;
    }

    /// <summary>Fails unless it exited with an error code after printing no stack trace: an expected error.</summary>
    public ExampleRun FailedCleanly()
    {
        Assert.True(exitCode != 0, $"{commandLine} should have failed but exited with 0.\n--- stdout\n{standardOutput}");
        Assert.DoesNotContain("Unhandled exception", standardError, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", standardError);
        return this;
    }
}
