using System.Diagnostics;
using System.Globalization;
using ThalNet.Examples.Tests.Infrastructure;
using ThalNet.Runtime.Tests.Data;

namespace ThalNet.Examples.Tests;

/// <summary>
/// A file the run writes that cannot be written (full disk, a path under a file, one path for two outputs) is one
/// <c>error:</c> line naming the path and the reason, and the last good checkpoint stays loadable.
/// </summary>
public sealed class WriteFailureTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void One_path_for_the_checkpoint_and_the_metrics_log_is_refused_before_anything_runs()
    {
        var path = Temp.File("run.out");

        var run = Runner.Run("SequentialMnist", "--data", Temp.File("no-such-data"), "--checkpoint", path, "--metrics", path).FailedCleanly();

        Assert.Equal($"error: --metrics names the checkpoint file too ('{path}'); give the metrics log a path of its own.", OneLine(run));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_metrics_log_on_a_full_device_is_one_error_line()
    {
        const string full = "/dev/full";
        if (!File.Exists(full))
        {
            Skip($"no {full} on this system");
            return;
        }

        var run = Runner.Run("SequentialMnist", "--data", TinyMnist(train: 20, test: 10), "--batch-size", "10", "--epochs", "1", "--checkpoint", Temp.File("run.safetensors"), "--metrics", full).FailedCleanly();

        Assert.StartsWith($"error: cannot write '{full}': No space left on device", OneLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_into_a_folder_that_cannot_be_made_and_with_a_folder_for_metrics_are_one_error_line_each()
    {
        var data = TinyMnist(train: 20, test: 10);
        var checkpoint = Temp.File("run.safetensors");
        string[] common = ["--data", data, "--batch-size", "10", "--checkpoint", checkpoint, "--max-eval-batches", "1"];
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1", "--metrics", Temp.File("metrics.jsonl")]).Succeeded();
        var file = Temp.File("notes.txt");
        File.WriteAllText(file, "x");
        var report = Path.Combine(file, "report");

        var underFile = Runner.Run("SequentialMnist", ["analyze", .. common, "--metrics", Temp.File("metrics.jsonl"), "--out", report]).FailedCleanly();
        var folderMetrics = Runner.Run("SequentialMnist", ["analyze", .. common, "--metrics", Temp.Path, "--out", Temp.File("report")]).FailedCleanly();

        Assert.StartsWith($"error: cannot write '{report}': ", OneLine(underFile), StringComparison.Ordinal);
        Assert.Equal($"error: --metrics '{Temp.Path}' is a folder; give the metrics log file, e.g. '{Path.Combine(Temp.Path, "SequentialMnist.metrics.jsonl")}'.", OneLine(folderMetrics));
    }

    [Fact]
    public void A_language_model_trains_with_a_batch_of_one_stream()
    {
        var corpus = Temp.File("input.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("to be or not to be, that is the question. ", 60)));

        var run = Runner.Run("CharLanguageModel", "--data", corpus, "--batch-size", "1", "--epochs", "1", "--max-batches", "2", "--max-eval-batches", "1", "--checkpoint", Temp.File("lm.safetensors"), "--metrics", Temp.File("lm.jsonl")).Succeeded();

        Assert.True(run.Output.SummaryNumber("test_bpc") > 0);
    }

    [Fact]
    public void A_checkpoint_write_on_a_full_file_system_is_one_error_line_and_the_previous_checkpoint_loads()
    {
        var data = TinyMnist(train: 40, test: 10);
        var probe = Temp.File("probe.safetensors");
        string[] common = ["--data", data, "--batch-size", "10", "--max-eval-batches", "1", "--metrics", Temp.File("metrics.jsonl")];
        Runner.Run("SequentialMnist", [.. common, "--epochs", "1", "--checkpoint", probe]).Succeeded();
        // The first checkpoint fits; the second needs room for its temporary file beside the first, which it has not.
        const long page = 4096;
        var pages = (new FileInfo(probe).Length + page - 1) / page;
        var mountPoint = Temp.File("full");
        Directory.CreateDirectory(mountPoint);
        if (Mount(mountPoint, (pages + ((pages + 1) / 2)) * page) is { } reason)
        {
            Skip(reason);
            return;
        }

        try
        {
            var checkpoint = Path.Combine(mountPoint, "run.safetensors");

            var failed = Runner.Run("SequentialMnist", [.. common, "--epochs", "2", "--checkpoint", checkpoint]).FailedCleanly();
            var loaded = Runner.Run("SequentialMnist", [.. common, "--epochs", "1", "--checkpoint", checkpoint, "--resume"]).Succeeded();

            Assert.Equal($"error: cannot write '{checkpoint}': No space left on device; the last good checkpoint, '{checkpoint}' (epoch 1, batch 0, step 4), is intact; free space or choose another --checkpoint and resume from it", OneLine(failed));
            Assert.Contains($"Checkpoint '{checkpoint}' has already finished all 1 epochs.", loaded.StandardOutput, StringComparison.Ordinal);
            Assert.Equal([checkpoint], Directory.GetFiles(mountPoint));
        }
        finally
        {
            Run("umount", mountPoint);
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="folder"/>; null when it did, else why not.</summary>
    private static string? Mount(string folder, long bytes)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "mounting a small tmpfs needs Linux and root";
        }

        var (exitCode, output) = Run("mount", "-t", "tmpfs", "-o", "size=" + bytes.ToString(CultureInfo.InvariantCulture), "tmpfs", folder);
        return exitCode == 0 ? null : $"mount -t tmpfs failed ({exitCode}): {output.Trim()}";
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    /// <summary>Says in the test log and on the console (so CI shows it) why the test checked nothing here.</summary>
    private void Skip(string reason)
    {
        var line = $"Skipped {nameof(WriteFailureTests)}: {reason}.";
        Log.WriteLine(line);
        Console.WriteLine(line);
    }
}
