namespace ThalNet.Specs.Tests;

/// <summary>Reading specs in tests: inline YAML and the files under Specs/.</summary>
internal static class TestSpecs
{
    public const string FilePath = "test.thalnet.yaml";

    public static string Yaml(params string[] lines) => string.Join("\n", lines) + "\n";

    public static string FileText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));

    public static CompiledSpec CompileFile(string name) => SpecCompiler.FromYaml(name, FileText(name));

    public static ModelSpec ReadValid(string yaml)
    {
        var result = SpecReader.Read(FilePath, yaml);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<ModelSpec>(result.Spec);
    }

    public static ModelLayout Layout(string yaml)
    {
        var compiled = SpecCompiler.FromYaml(FilePath, yaml);
        Assert.Empty(compiled.Diagnostics);
        return Assert.IsType<ModelLayout>(compiled.Layout);
    }

    /// <summary>The diagnostics in the format of the generator's baselines: <c>ID severity file(line,col): message</c>.</summary>
    public static string[] Lines(IEnumerable<SpecDiagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToArray();
}
