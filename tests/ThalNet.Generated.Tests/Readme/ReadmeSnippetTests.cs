using ThalNet.Runtime.Data;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>The training and analysis pages (docs/training.md, docs/analysis.md) show code that compiles and runs (<see cref="ReadmeSnippets"/>).</summary>
public sealed class ReadmeSnippetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thalnet-readme-" + Guid.NewGuid().ToString("N"));

    public ReadmeSnippetTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData("trainer", "training.md")]
    [InlineData("weights", "training.md")]
    [InlineData("analysis", "analysis.md")]
    public void The_page_shows_the_snippet_verbatim(string name, string page)
    {
        var text = File.ReadAllText(Path.Combine(SnippetSource.RepositoryRoot(), "docs", page)).ReplaceLineEndings("\n");
        var code = SnippetSource.Region("ReadmeSnippets.cs", name);

        Assert.NotEmpty(code);
        Assert.Contains(code + "\n```", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snippets_train_save_load_and_analyse()
    {
        var (result, accuracy) = ReadmeSnippets.Train(_folder);
        Assert.Equal(5, result.Epochs.Count);
        Assert.True(accuracy > 0.7f, $"accuracy {accuracy}");

        var (model, restored) = ReadmeSnippets.Weights(_folder);
        Assert.Equal(model.Parameters().SelectMany(p => p.Data.ToArray()), restored.Parameters().SelectMany(p => p.Data.ToArray()));

        var random = new Random(5);
        var test = new SequenceDataset(Enumerable.Range(0, 20 * 18).Select(_ => (float)random.NextDouble()).ToArray(), new int[20], 6, 3, 2);
        var (report, html, comparison) = ReadmeSnippets.Analyze(_folder, test);
        Assert.True(File.Exists(html));
        Assert.True(File.Exists(comparison));
        Assert.NotEmpty(report.Metrics);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
