using System.Text.Json;
using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

public sealed class ModularFamilyTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Fact]
    public void Every_model_trains_on_both_tasks_within_the_budget_is_logged_not_run_again_and_reported()
    {
        var mnist = TinyMnist(train: 100, test: 50);
        var folder = Temp.File("family");
        string[] arguments = ["--data", mnist, "--epochs", "2", "--seeds", "1", "--mnist-train", "100", "--copy-train", "100", "--copy-test", "50", "--copy-delay", "3", "--out", folder];

        var first = Runner.Run("ModularFamily", arguments).Succeeded().Output.LinesWith("task");
        var second = Runner.Run("ModularFamily", arguments).Succeeded().Output.LinesWith("task");
        var report = Runner.Run("ModularFamily", [.. arguments, "--report-only"]).Succeeded().Output.LinesWith("task");

        string[] models = ["weight-norm", "attention", "attention-active"];
        Assert.Equal([.. models.Select(m => $"mnist/{m}"), .. models.Select(m => $"copy/{m}")], first.Select(l => $"{l["task"]}/{l["model"]}"));
        Assert.All(first, l => Assert.InRange(l.Number("params"), 40001, 50000));
        Assert.All(first, l => Assert.InRange(l.Number("test_accuracy"), 0, 1));
        Assert.All(first, l => Assert.Equal("false", l["resumed"]));
        Assert.All(second.Concat(report), l => Assert.Equal("true", l["resumed"]));
        Assert.Equal(first.Select(l => l["test_accuracy"]), second.Select(l => l["test_accuracy"]));
        Assert.Equal(first.Select(l => l["test_accuracy"]), report.Select(l => l["test_accuracy"]));

        var records = File.ReadAllLines(Path.Combine(folder, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(first.Count, records.Count);
        Assert.All(records, r => Assert.Equal(2, r.GetProperty("test_accuracy").GetArrayLength()));
        Assert.All(records, r => Assert.Equal(r.GetProperty("model").GetString() == "attention-active", r.GetProperty("activity").ValueKind == JsonValueKind.Object));
        foreach (var record in records.Where(r => r.GetProperty("activity").ValueKind == JsonValueKind.Object))
        {
            // Every sub-step of the traced example updates the same k modules' worth, and the shares over the data sum to that k.
            var activity = record.GetProperty("activity");
            var reads = activity.GetProperty("reads").EnumerateArray().Select(r => r.EnumerateArray().Sum(v => v.GetDouble())).ToList();
            var k = reads[0];
            Assert.InRange(k, 1, activity.GetProperty("modules").GetArrayLength() - 1);
            Assert.All(reads, active => Assert.Equal(k, active));
            Assert.Equal(activity.GetProperty("steps").GetInt32() * activity.GetProperty("substeps").GetInt32(), reads.Count);
            Assert.Equal(k, activity.GetProperty("shares").EnumerateArray().Sum(s => s.GetDouble()), 6);
        }

        var table = File.ReadAllText(Path.Combine(folder, "results.md"));
        Assert.Contains("| copy (delay 3) | attention-active | 1 |", table, StringComparison.Ordinal);
        Assert.Contains("| mnist | weight-norm | 1 |", table, StringComparison.Ordinal);
        foreach (var task in new[] { "mnist", "copy" })
        {
            Assert.Contains("attention-active", File.ReadAllText(Path.Combine(folder, $"curves-{task}.svg")), StringComparison.Ordinal);
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, $"activity-{task}.svg")), StringComparison.Ordinal);
        }

        Assert.Contains(">reader<", File.ReadAllText(Path.Combine(folder, "activity-copy.svg")), StringComparison.Ordinal);
    }
}
