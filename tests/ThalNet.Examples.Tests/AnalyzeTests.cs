using System.Text.Json;
using System.Xml.Linq;
using ThalNet.Examples.Tests.Infrastructure;

namespace ThalNet.Examples.Tests;

/// <summary>The <c>analyze</c> command on a checkpoint and metrics log of a short run.</summary>
public sealed class AnalyzeTests(ITestOutputHelper log) : ExampleTest(log)
{
    [Theory]
    [InlineData("SequentialMnist", ExampleData.Mnist, new[] { "vision", "side1", "side2", "decision" })]
    [InlineData("CharLanguageModel", ExampleData.Shakespeare, new[] { "reader", "side1", "side2", "writer" })]
    public void Writes_the_report_heatmaps_connectivity_and_ablation(string example, string dataSet, string[] modules)
    {
        if (ExampleData.Find(dataSet, Log) is not { } data)
        {
            return;
        }

        var checkpoint = Temp.File("model.safetensors");
        var metrics = Temp.File("metrics.jsonl");
        var report = Temp.File("report");
        string[] common = ["--data", data, "--max-eval-batches", "3", "--checkpoint", checkpoint, "--metrics", metrics];
        Runner.Run(example, [.. common, "--max-batches", "10", "--epochs", "1"]).Succeeded();

        var run = Runner.Run(example, ["analyze", .. common, "--out", report]).Succeeded();

        Assert.Contains("report=", run.StandardOutput, StringComparison.Ordinal);
        string[] files = ["report.html", "reading-weights.svg", "connectivity.json", "connectivity.dot", "connectivity.mmd", "connectivity.svg", "ablation.md", "ablation.svg", "curve-loss.svg"];
        foreach (var name in files.Concat(modules.Select(m => $"reading-{m}.svg")))
        {
            var path = Path.Combine(report, name);
            Assert.True(File.Exists(path) && new FileInfo(path).Length > 0, $"analyze wrote no {name}.");
        }

        // Every SVG and the report are well-formed XML (the report is XHTML with its figures inline).
        foreach (var path in Directory.GetFiles(report, "*.svg").Append(Path.Combine(report, "report.html")))
        {
            var root = XDocument.Load(path).Root!;
            Assert.Contains(root.Name.LocalName, new[] { "svg", "html" });
        }

        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "connectivity.json")));
        var named = json.RootElement.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToArray();
        Assert.Equal(modules, named);
        Assert.StartsWith("digraph", File.ReadAllText(Path.Combine(report, "connectivity.dot")), StringComparison.Ordinal);
        Assert.StartsWith("flowchart", File.ReadAllText(Path.Combine(report, "connectivity.mmd")), StringComparison.Ordinal);
        var ablation = File.ReadAllText(Path.Combine(report, "ablation.md"));
        foreach (var module in modules)
        {
            Assert.Contains($"| {module} ", ablation, StringComparison.Ordinal);
            Assert.Contains(module, html, StringComparison.Ordinal);
        }
    }
}
