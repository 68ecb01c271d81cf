using System.Text.RegularExpressions;
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
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "ThalNet.Generated.Tests", "Readme", "ReadmeSnippets.cs")).ReplaceLineEndings("\n");
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", page)).ReplaceLineEndings("\n");
        var region = Regex.Match(source, $@"// snippet: {name}\n(?<code>.*?)\n\s*// end snippet", RegexOptions.Singleline).Groups["code"].Value;
        var lines = region.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var code = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

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

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
