using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>The code generated for every example spec, against its baseline, and that it compiles cleanly.</summary>
public class SnapshotTests
{
    public static TheoryData<string> Specs => new(TestSpecs.Names);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_matches_its_baseline(string spec)
    {
        var result = GeneratorHarness.Run([TestSpecs.File(spec)]);

        Assert.Empty(result.DiagnosticLines);
        Snapshot.Verify(spec.Replace(".thalnet.yaml", ""), result.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_errors_or_warnings(string spec)
    {
        var result = GeneratorHarness.Run([TestSpecs.File(spec)]);

        Assert.NotEmpty(result.Sources);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Every_spec_file_is_one_hint_name_named_after_namespace_and_model()
    {
        var result = GeneratorHarness.Run(TestSpecs.Names.Select(TestSpecs.File));

        Assert.Equal(
            [
                "ThalNet.Examples.Features.AutoSizedNet.g.cs",
                "ThalNet.Examples.Features.CompetingNet.g.cs",
                "ThalNet.Examples.Features.DesignNet.g.cs",
                "ThalNet.Examples.Features.ReadingNet.g.cs",
                "ThalNet.Examples.Features.RegressionNet.g.cs",
                "ThalNet.Examples.MultiTask.MultiTaskNet.g.cs",
                "ThalNet.Examples.SequentialMnist.SequentialMnistNet.g.cs",
                "ThalNet.Examples.Text.ByteLanguageModel.g.cs",
            ],
            result.Sources.Select(s => s.HintName).Order());
        result.AssertCompilesCleanly();
    }
}
