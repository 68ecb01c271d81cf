using System.Diagnostics;
using System.Text;

namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the <c>dotnet</c> command line as a user would, in a clean environment: no MSBuild variables inherited from
/// the <c>dotnet test</c> that runs these tests, no build servers or reused nodes that would outlive the command
/// (and hold its output pipe open), no telemetry banner, the plain console logger.
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(30);

    /// <summary>The muxer that runs these tests, or <c>dotnet</c> from the PATH.</summary>
    private static string Executable => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static CommandResult Run(string workingDirectory, TimeSpan timeout, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        PrepareEnvironment(start.Environment);
        var commandLine = $"dotnet {string.Join(' ', start.ArgumentList)}";
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stdoutClosed = Capture(process, output, stderr: false);
        var stderrClosed = Capture(process, output, stderr: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // Both streams end shortly after the process; a bounded wait keeps a stray grandchild from hanging the test.
        Task.WaitAll([stdoutClosed, stderrClosed], OutputDrainLimit);
        stopwatch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, !exited, stopwatch.Elapsed, text);
    }

    /// <summary>Appends every line of one stream to <paramref name="output"/>; the task completes when the stream closes.</summary>
    private static Task Capture(Process process, StringBuilder output, bool stderr)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler handler = (_, e) =>
        {
            if (e.Data is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        if (stderr)
        {
            process.ErrorDataReceived += handler;
        }
        else
        {
            process.OutputDataReceived += handler;
        }

        return closed.Task;
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["MSBUILDTERMINALLOGGER"] = "off";
        environment["UseSharedCompilation"] = "false";
    }
}
