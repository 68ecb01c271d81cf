namespace ThalNet.Specs.Tests.Schema;

/// <summary>
/// The schema and the spec compiler agree: every spec of the repository passes the schema; a spec refused for a
/// mistake the schema expresses fails it, and one refused for a mistake it leaves to the compiler passes it
/// (<see cref="SchemaCheck.Expressed"/>, <see cref="SchemaCheck.LeftToCompiler"/>).
/// </summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string> RepositorySpecs()
    {
        var root = SchemaCheck.RepositoryRoot;
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.thalnet.y*ml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositorySpecs))]
    public void Every_spec_of_the_repository_passes_the_schema(string path)
    {
        var yaml = File.ReadAllText(Path.Combine(SchemaCheck.RepositoryRoot, path));

        Assert.Empty(SchemaCheck.Errors(yaml));
    }

    [Fact]
    public void The_repository_has_specs_to_check()
    {
        Assert.Contains("examples/SequentialMnist/SequentialMnist.thalnet.yaml", RepositorySpecs().Select<object[], string>(row => (string)row[0]));
    }

    public static TheoryData<string> ExampleSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositorySpecs().Select<object[], string>(row => (string)row[0]).Where(p => p.StartsWith("examples/", StringComparison.Ordinal)))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs))]
    public void Every_example_spec_names_the_schema_on_its_first_line(string path)
    {
        const string Comment = "# yaml-language-server: $schema=";
        var file = Path.Combine(SchemaCheck.RepositoryRoot, path);
        var first = File.ReadLines(file).First();

        Assert.StartsWith(Comment, first, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(SchemaCheck.SchemaPath), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, first[Comment.Length..])));
    }

    public static TheoryData<string, string> RefusedSpecs()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in DiagnosticTests.Cases.Where(row => SchemaCheck.Pinned((string)row[0])))
        {
            data.Add((string)row[0], (string)row[5]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedSpecs))]
    public void A_spec_the_compiler_refuses_fails_the_schema_when_the_schema_can_express_the_mistake(string id, string yaml)
    {
        Assert.Contains(id, SpecCompiler.FromYaml(TestSpecs.FilePath, yaml).Diagnostics.Select(d => d.Id));
        SchemaCheck.AssertAgrees(id, yaml);
    }

    [Fact]
    public void A_correct_spec_using_every_kind_passes()
    {
        var yaml = SchemaSpecs.EveryKind();

        Assert.Empty(SpecCompiler.FromYaml("EveryKind.thalnet.yaml", yaml).Diagnostics);
        Assert.Empty(SchemaCheck.Errors(yaml));
    }

    [Theory]
    [InlineData("THAL0002", "reading:", "readng:")]
    [InlineData("THAL0014", "reading: linear", "reading: lineer")]
    [InlineData("THAL0020", "context: 6", "context: 'six'")]
    [InlineData("THAL0020", "weight: 0.5", "weight: '0.5'")]
    [InlineData("THAL0020", "substeps: 2", "substeps: \"2\"")]
    public void A_misspelt_key_an_unknown_reader_and_a_string_for_a_number_each_fail(string id, string correct, string mistake)
    {
        var yaml = ReplaceFirst(SchemaSpecs.EveryKind(), correct, mistake);

        Assert.Contains(id, SpecCompiler.FromYaml("EveryKind.thalnet.yaml", yaml).Diagnostics.Select(d => d.Id));
        Assert.NotEmpty(SchemaCheck.Errors(yaml));
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the spec");
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
