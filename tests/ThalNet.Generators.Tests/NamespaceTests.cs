using ThalNet.Generators.Tests.Infrastructure;
using static ThalNet.Generators.Tests.Infrastructure.TestSpecs;

namespace ThalNet.Generators.Tests;

/// <summary>A YAML spec without <c>namespace</c> takes the project's RootNamespace, or the global namespace when there is none.</summary>
public class NamespaceTests
{
    private static readonly string Spec = Yaml("model: Net", "inputs: { x: 3 }", "modules:", "  a: { role: input, inputs: [x] }", "  b: { role: output, outputs: { y: { size: 2 } } }");

    [Theory]
    [InlineData("My.Project", "My.Project.Net.g.cs", "namespace My.Project;")]
    [InlineData("", "Net.g.cs", null)]
    public void Spec_without_namespace_takes_the_root_namespace(string rootNamespace, string hintName, string? declaration)
    {
        var driver = GeneratorHarness.Driver([GeneratorHarness.Yaml("Net.thalnet.yaml", Spec)], rootNamespace);

        var result = GeneratorHarness.Run(GeneratorHarness.Compilation(), driver);

        var source = Assert.Single(result.Sources);
        Assert.Equal(hintName, source.HintName);
        Assert.Equal(declaration is not null, source.SourceText.ToString().Contains(declaration ?? "namespace ", StringComparison.Ordinal));
        result.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("Net.THALNET.YAML")]
    [InlineData("Net.thalnet.yml")]
    public void Only_thalnet_yaml_and_yml_files_are_specs(string specName)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("settings.yaml", "model: [broken"), GeneratorHarness.Yaml("other.yml", "model: [broken"), GeneratorHarness.Yaml(specName, Spec)]);

        Assert.Empty(result.DiagnosticLines);
        Assert.Equal("Consumer.App.Net.g.cs", Assert.Single(result.Sources).HintName);
    }
}
