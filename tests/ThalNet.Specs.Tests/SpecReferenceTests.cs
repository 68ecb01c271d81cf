using System.Reflection;

namespace ThalNet.Specs.Tests;

/// <summary><c>docs/spec-reference.md</c> covers every key the YAML reader knows, every spec word and every diagnostic.</summary>
public sealed class SpecReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "spec-reference.md"));

    [Fact]
    public void Every_key_the_reader_accepts_is_described()
    {
        var keys = typeof(SpecCompiler).Assembly.GetType("ThalNet.Specs.YamlSpecReader", throwOnError: true)!
            .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.Name.EndsWith("Keys", StringComparison.Ordinal))
            .SelectMany(f => (string[])f.GetValue(null)!)
            .Distinct()
            .ToList();

        Assert.Contains("outputs", keys);
        Assert.All(keys, key => Assert.Contains($"`{key}`", Reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_spec_word_is_listed()
    {
        var words = SpecWords.Reading.Words.Concat(SpecWords.Role.Words).Concat(SpecWords.LayerKind.Words)
            .Concat(SpecWords.Activation.Words).Concat(SpecWords.Loss.Words).Concat(SpecWords.At.Words);

        Assert.All(words, word => Assert.Contains($"`{word}", Reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_diagnostic_is_named()
    {
        Assert.All(SpecDiagnostics.All, d => Assert.Contains(d.Id, Reference, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
    }
}
