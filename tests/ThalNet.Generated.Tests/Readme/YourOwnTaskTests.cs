using ThalNet.Runtime.Tests.TensorBoard;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>docs/your-own-task.md shows its spec and code verbatim, and that code trains, evaluates, logs and reports.</summary>
public sealed class YourOwnTaskTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thalnet-own-task-" + Guid.NewGuid().ToString("N"));

    public YourOwnTaskTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void The_page_shows_the_spec_and_the_code_verbatim()
    {
        var root = SnippetSource.RepositoryRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "your-own-task.md")).ReplaceLineEndings("\n");
        var code = SnippetSource.Region("YourOwnTaskSnippet.cs", "your-own-task");
        var spec = File.ReadAllText(Path.Combine(root, "tests", "ThalNet.Generated.Tests", "Readme", "WaveNet.thalnet.yaml")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + code + "\n```", page, StringComparison.Ordinal);
        Assert.Contains("```yaml\n" + spec + "```", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_walkthrough_trains_the_regression_head_by_mse_and_writes_its_report_and_tensorboard_events()
    {
        var (result, evaluation, report) = YourOwnTaskSnippet.Run(_folder);

        Assert.Equal(4, result.Epochs.Count);
        Assert.True(evaluation["next"].IsMeanSquaredError);
        Assert.True(evaluation["next"].MeanSquaredError < result.Epochs[0].Train["next"].MeanSquaredError, $"mse {evaluation["next"].MeanSquaredError} did not fall below the first epoch's {result.Epochs[0].Train["next"].MeanSquaredError}");
        Assert.InRange(evaluation["kind"].Accuracy, 0, 1);
        Assert.True(File.Exists(Path.Combine(_folder, "wave-report", "report.html")));
        Assert.True(File.Exists(Path.Combine(_folder, "wave-report", "curve-mse.svg")));
        Assert.True(File.Exists(Path.Combine(_folder, "wave.best.safetensors")));
        Assert.NotEmpty(report.AblationOf("next"));
        var tags = EventFileDecoder.ReadFolder(Path.Combine(_folder, "runs")).SelectMany(e => e.Scalars).Select(s => s.Tag).ToHashSet();
        Assert.Contains("test/next/mse", tags);
        Assert.Contains("test/kind/accuracy", tags);
        Assert.DoesNotContain("test/next/accuracy", tags);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
