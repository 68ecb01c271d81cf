using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>
/// With ThalNet.TorchSharp referenced, every spec also gets a TorchSharp model <c>{Model}Torch</c> in
/// <c>{Namespace}.{Model}Torch.g.cs</c>: the code against its baseline, and that it compiles cleanly beside the
/// engine's class or alone.
/// </summary>
public class TorchSharpSnapshotTests
{
    public static TheoryData<string> Specs => new(TestSpecs.Names);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_TorchSharp_code_matches_its_baseline(string spec)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CompilationWithTorchSharp(), GeneratorHarness.Driver([TestSpecs.File(spec)]));

        Assert.Empty(result.DiagnosticLines);
        var torch = result.Sources.Where(s => s.HintName.EndsWith("Torch.g.cs", StringComparison.Ordinal)).ToList();
        Assert.Single(torch);
        Snapshot.Verify(Path.Combine("TorchSharp", spec.Replace(".thalnet.yaml", "")), torch.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Both_runtimes_give_both_classes_and_they_compile_without_errors_or_warnings(string spec)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CompilationWithTorchSharp(), GeneratorHarness.Driver([TestSpecs.File(spec)]));

        Assert.Equal(2, result.Sources.Count);
        var engine = result.Sources.Single(s => !s.HintName.EndsWith("Torch.g.cs", StringComparison.Ordinal));
        Assert.Equal(engine.HintName.Replace(".g.cs", "Torch.g.cs"), result.Sources.Single(s => s.HintName != engine.HintName).HintName);
        result.AssertCompilesCleanly();
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void TorchSharp_alone_gives_only_the_TorchSharp_class_and_it_compiles(string spec)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.CompilationWithTorchSharpOnly(), GeneratorHarness.Driver([TestSpecs.File(spec)]));

        Assert.Empty(result.DiagnosticLines);
        Assert.EndsWith("Torch.g.cs", Assert.Single(result.Sources).HintName, StringComparison.Ordinal);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void The_engine_alone_gives_no_TorchSharp_class()
    {
        var result = GeneratorHarness.Run([TestSpecs.File("SequentialMnist.thalnet.yaml")]);

        Assert.Equal("ThalNet.Examples.SequentialMnist.SequentialMnistNet.g.cs", Assert.Single(result.Sources).HintName);
    }
}
