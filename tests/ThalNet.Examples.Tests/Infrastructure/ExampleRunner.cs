using System.Diagnostics;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>
/// Runs an example program as <c>dotnet &lt;example&gt;.dll ...</c> in a working folder, logging the command, its
/// output and its time to the test output. Every run gets <c>--no-progress --threads 2</c> (<c>--threads 1</c> with
/// <c>--backend torchsharp</c>, its default): plain lines, and the same thread count on every machine, so a seed gives
/// the same numbers everywhere.
/// </summary>
internal sealed class ExampleRunner(ITestOutputHelper log, string workingDirectory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly string[] Fixed = ["--no-progress", "--threads", "2"];

    private static readonly string[] FixedForTorchSharp = ["--no-progress", "--threads", "1"];

    public ExampleRun Run(string example, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExamplePrograms.Path(example));
        var all = arguments.Concat(arguments.Contains("torchsharp") ? FixedForTorchSharp : Fixed).ToList();
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        var commandLine = $"{example} {string.Join(' ', all)}";
        log.WriteLine($"$ {commandLine}");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotnetHost.Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{commandLine} ran longer than {Timeout.TotalSeconds} s and was stopped.\n--- stdout\n{stdout.Result}\n--- stderr\n{stderr.Result}");
        }

        var run = new ExampleRun(commandLine, process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
        log.WriteLine(run.StandardOutput.TrimEnd());
        if (run.StandardError.Length > 0)
        {
            log.WriteLine("stderr: " + run.StandardError.TrimEnd());
        }

        log.WriteLine($"exit={run.ExitCode} wall_seconds={run.Elapsed.TotalSeconds:F1}");
        log.WriteLine(string.Empty);
        return run;
    }
}
