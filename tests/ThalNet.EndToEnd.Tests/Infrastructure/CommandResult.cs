namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> command did: its exit code and its whole output, stdout and stderr interleaved.</summary>
internal sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Fails the test with the command's output unless it succeeded.</summary>
    public CommandResult EnsureSucceeded()
    {
        Assert.True(Succeeded, $"expected success: {this}");
        return this;
    }

    /// <summary>The command, how it ended and its output: the text every failed assertion about it carries.</summary>
    public override string ToString()
    {
        var ending = TimedOut ? "was killed after its time limit" : $"exited with code {ExitCode}";
        return $"`{CommandLine}` in {WorkingDirectory} {ending} after {Elapsed.TotalSeconds:F1} s. Its output:\n{Output}";
    }
}
