using Microsoft.CodeAnalysis.CSharp;
using ThalNet.Generators.Tests.Infrastructure;
using static ThalNet.Generators.Tests.DiagnosticTests;

namespace ThalNet.Generators.Tests;

/// <summary>
/// A spec either gets a THAL diagnostic at the offending value or yields code that compiles without a warning: one
/// case per class of spec that could pass validation and then break the build (keywords, lengths, an empty model
/// name, floats, int overflows), and bounds on the work the generator does.
/// </summary>
public class GeneratedCodeGuaranteeTests
{
    private const string File = "Spec.thalnet.yaml";

    public static TheoryData<string, string> Refused => new()
    {
        // A class named var turns every 'var' of its namespace into itself.
        { "THAL0005 error Spec.thalnet.yaml(1,8): Model 'var' is not a valid C# name: 'var' is a C# keyword", Valid(1, "model: var") },
        { "THAL0005 error Spec.thalnet.yaml(1,8): Model 'record' is not a valid C# name: 'record' is a C# keyword", Valid(1, "model: record") },
        { "THAL0005 error Spec.thalnet.yaml(1,8): Model 'mnist' is not a valid C# name: type names of lower-case letters only may become C# keywords (warning CS8981); start it with a capital letter", Valid(1, "model: mnist") },
        { "THAL0005 error Spec.thalnet.yaml(1,8): Model '' is not a valid C# name: identifiers start with a letter or '_' and hold only letters, digits and '_'", Valid(1, "model: \"\"") },
        { $"THAL0005 error Spec.thalnet.yaml(1,8): Model '{new string('M', 32)}...' is not a valid C# name: names are at most 128 characters, but this one has 1100", Valid(1, "model: " + new string('M', 1100)) },
        { "THAL0005 error Spec.thalnet.yaml(2,12): Namespace 'App.nameof' is not a valid C# name: 'nameof' is a C# keyword", Valid(1, "model: M", "namespace: App.nameof") },
        { "THAL0005 error Spec.thalnet.yaml(2,12): Namespace 'await.Models' is not a valid C# name: 'await' is a C# keyword", Valid(1, "model: M", "namespace: await.Models") },
        { $"THAL0005 error Spec.thalnet.yaml(2,12): Namespace '{new string('N', 32)}...' is not a valid C# name: names are at most 128 characters, but this one has 129", Valid(1, "model: M", "namespace: " + new string('N', 129)) },
        { $"THAL0005 error Spec.thalnet.yaml(2,12): Namespace '{LongNamespace[..32]}...' is not a valid C# name: namespaces are at most 512 characters, but this one has 639", Valid(1, "model: M", "namespace: " + LongNamespace) },
        { $"THAL0005 error Spec.thalnet.yaml(8,3): Module '{new string('s', 32)}...' is not a valid C# name: names are at most 128 characters, but this one has 129", Valid(7, "    inputs: [x]", $"  {new string('s', 129)}: {{ role: side }}") },
        // A parameter named nameof turns nameof(x) into a call of it.
        { "THAL0005 error Spec.thalnet.yaml(3,3): Input 'nameof' is not a valid C# name: its parameter 'nameof' would hide C#'s nameof operator", ReadingInputs("nameof") },
        { "THAL0027 error Spec.thalnet.yaml(11,29): Weight of output 'y' must be a finite float of at least 0 (at most 3.4028235E+38), but is 1E+39", Valid(11, "      y: { size: 2, weight: 1e39 }") },
        { "THAL0027 error Spec.thalnet.yaml(11,29): Weight of output 'y' must be a finite float of at least 0 (at most 3.4028235E+38), but is 1E+300", Valid(11, "      y: { size: 2, weight: 1e300 }") },
        // Every parameter fits in an int, but not their count, which must not become a const int.
        { "THAL0028 error Spec.thalnet.yaml(6,3): Module 'a' makes the model too large: its parameters bring the model past 2^31-1 parameters (at least 3200000000)", Valid(1, "model: M", "defaults: { context: 40000, layers: [ff 40000] }") },
    };

    /// <summary>Five parts of 127 characters, each short enough, together too long.</summary>
    private static string LongNamespace => string.Join(".", Enumerable.Range(0, 5).Select(i => new string((char)('A' + i), 127)));

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_spec_that_would_break_the_build_is_refused_at_its_value(string expected, string yaml)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, yaml)]);

        Assert.Equal([expected], result.DiagnosticLines);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void A_model_named_var_breaks_no_other_model_of_its_namespace()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Var.thalnet.yaml", Valid(1, "model: var")), GeneratorHarness.Yaml(File, Valid(1, "model: Net"))]);

        Assert.Equal(["THAL0005 error Var.thalnet.yaml(1,8): Model 'var' is not a valid C# name: 'var' is a C# keyword"], result.DiagnosticLines);
        Assert.Equal("Consumer.App.Net.g.cs", Assert.Single(result.Sources).HintName);
        result.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("var", "value", "await", "async", "args", "global", "dynamic", "record")]
    [InlineData("int", "this", "class", "params")]
    public void Inputs_named_like_keywords_become_escaped_parameters(params string[] inputs)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, ReadingInputs(inputs))]);

        Assert.Empty(result.DiagnosticLines);
        Assert.Contains($"Tensor @{inputs[0]}", result.Source("Consumer.App.M.g.cs"), StringComparison.Ordinal);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Names_at_the_length_limit_compile_and_emit()
    {
        var ns = string.Join(".", Enumerable.Range(0, 4).Select(i => new string((char)('A' + i), 127)));
        var model = new string('M', CSharpNames.MaxNameLength);
        var module = new string('s', CSharpNames.MaxNameLength);
        var yaml = Valid(1, "model: " + model, "namespace: " + ns).Replace("  b:", $"  {module}: {{ role: side }}\n  b:", StringComparison.Ordinal);

        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, yaml)]);

        Assert.Empty(result.DiagnosticLines);
        result.AssertCompilesCleanly();
        // Names too long for metadata (CS7013) are found only when the assembly is written.
        Assert.Empty(result.Output.Emit(Stream.Null).Diagnostics.Select(DiagnosticFormat.Line));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100_000)]
    [InlineData(int.MaxValue)]
    public void Many_substeps_are_a_loop_of_constant_size(int substeps)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, Valid(1, "model: M", $"substeps: {substeps}"))]);

        Assert.Empty(result.DiagnosticLines);
        var source = result.Source("Consumer.App.M.g.cs");
        Assert.Contains($"public const int Substeps = {substeps};", source, StringComparison.Ordinal);
        Assert.Contains("for (var substep = 0; substep < Substeps; substep++)", source, StringComparison.Ordinal);
        Assert.Single(source.Split('\n'), line => line.Contains("_staticReads.Read(tape, center, ", StringComparison.Ordinal));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Few_substeps_stay_unrolled()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml(File, Valid(1, "model: M", "substeps: 4"))]);

        var source = result.Source("Consumer.App.M.g.cs");
        Assert.DoesNotContain("for (var substep", source, StringComparison.Ordinal);
        Assert.Equal(4, source.Split('\n').Count(line => line.Contains("_staticReads.Read(tape, center, ", StringComparison.Ordinal)));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void The_keyword_lists_hold_every_keyword_roslyn_knows()
    {
        var reserved = SyntaxFacts.GetReservedKeywordKinds().Select(SyntaxFacts.GetText);
        var contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText);

        Assert.All(reserved, keyword => Assert.True(CSharpKeywords.IsReserved(keyword), keyword));
        Assert.All(contextual, keyword => Assert.True(CSharpKeywords.IsKeyword(keyword), keyword));
    }

    /// <summary>The valid spec with inputs <paramref name="inputs"/>, all read by module 'a'.</summary>
    private static string ReadingInputs(params string[] inputs)
        => Valid(3, [.. inputs.Select(i => $"  {i}: 4")]).Replace("inputs: [x]", $"inputs: [{string.Join(", ", inputs)}]", StringComparison.Ordinal);
}
