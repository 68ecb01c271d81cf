using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

public sealed class DesignStudyTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void Every_configuration_is_sized_by_the_budget_trained_reported_and_not_run_again()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        // One configuration per reader (all 20 specs' sizes are checked by the spec tests), one batch per run and per
        // evaluation: seconds, where the real study trains whole epochs.
        var folder = Temp.File("study");
        string[] only = ["FF/linear", "GRU/weight-norm", "FF-GRU/fast-softmax", "FF-GRU-FF/fast-gaussian"];
        string[] arguments = ["--data", data, "--epochs", "1", "--max-batches", "1", "--max-eval-batches", "1", "--seeds", "1", "--out", folder, "--only", .. only];

        var first = Runner.Run("DesignStudy", arguments).Succeeded().Output.LinesWith("design");
        var second = Runner.Run("DesignStudy", arguments).Succeeded().Output.LinesWith("design");

        Assert.Equal(only, first.Select(l => $"{l["design"]}/{l["reading"]}"));
        Assert.All(first, l => Assert.InRange(l.Number("params"), 40001, 50000));
        Assert.All(first, l => Assert.InRange(l.Number("test_accuracy"), 0, 1));
        Assert.All(first, l => Assert.Equal("false", l["resumed"]));
        Assert.All(second, l => Assert.Equal("true", l["resumed"]));
        Assert.Equal(first.Select(l => l["test_accuracy"]), second.Select(l => l["test_accuracy"]));
        Assert.Equal(only.Length, File.ReadAllLines(Path.Combine(folder, "results.jsonl")).Length);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, "figure5.svg")), StringComparison.Ordinal);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, "connectivity-similarity.svg")), StringComparison.Ordinal);
        Assert.Contains("| FF-GRU-FF | - | - | - | 0.", File.ReadAllText(Path.Combine(folder, "results.md")), StringComparison.Ordinal);
        Assert.All(first, l => Assert.Equal("engine", l["backend"]));
    }

    [Fact]
    public void The_gru_baseline_runs_with_the_study_and_the_report_holds_it_and_the_papers_claims()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var folder = Temp.File("study");
        string[] only = ["FF/linear", "GRU/linear", "GRU-baseline/none"];
        string[] arguments = ["--data", data, "--epochs", "2", "--max-batches", "1", "--max-eval-batches", "1", "--seeds", "2", "--out", folder, "--only", .. only];

        var lines = Runner.Run("DesignStudy", arguments).Succeeded().Output.LinesWith("design");
        var again = Runner.Run("DesignStudy", [.. arguments, "--report-only"]).Succeeded().Output.LinesWith("design");

        Assert.Equal([.. only, .. only], lines.Select(l => $"{l["design"]}/{l["reading"]}"));
        var baseline = lines.Where(l => l["design"] == "GRU-baseline").ToList();
        Assert.All(baseline, l => Assert.InRange(l.Number("params"), 45001, 50000));
        Assert.All(baseline, l => Assert.Equal("46", l["auto_size"]));
        Assert.All(again, l => Assert.Equal("true", l["resumed"]));
        var report = File.ReadAllText(Path.Combine(folder, "results.md"));
        Assert.Contains("GRU baseline (4 layers of 46", report, StringComparison.Ordinal);
        Assert.Contains("| An FF layer before the GRU helps |", report, StringComparison.Ordinal);
        Assert.Contains("| Recurrent modules learn faster than feed-forward ones |", report, StringComparison.Ordinal);
        Assert.Contains("GRU baseline (4 x 46)", File.ReadAllText(Path.Combine(folder, "figure5.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_results_log_written_before_the_backend_was_recorded_reads_as_engine_runs()
    {
        if (ExampleData.Find(ExampleData.Mnist, Log) is not { } data)
        {
            return;
        }

        var folder = Temp.File("study");
        string[] arguments = ["--data", data, "--epochs", "1", "--max-batches", "1", "--max-eval-batches", "1", "--out", folder, "--only", "FF/linear"];
        Runner.Run("DesignStudy", arguments).Succeeded();
        var log = Path.Combine(folder, "results.jsonl");
        File.WriteAllText(log, File.ReadAllText(log).Replace(",\"backend\":\"engine\"", "", StringComparison.Ordinal));
        Assert.DoesNotContain("backend", File.ReadAllText(log), StringComparison.Ordinal);

        var engine = Runner.Run("DesignStudy", [.. arguments, "--report-only"]).Succeeded().Output.LinesWith("design");
        var torch = Runner.Run("DesignStudy", [.. arguments, "--report-only", "--backend", "torchsharp"]).Succeeded().Output.LinesWith("design");

        var line = Assert.Single(engine);
        Assert.Equal("engine", line["backend"]);
        Assert.Equal("true", line["resumed"]);
        Assert.Empty(torch);
    }
}
