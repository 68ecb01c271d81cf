using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The pipeline caches: an edit that does not touch a spec leaves every tracked step cached or unchanged, an edit
/// of one spec regenerates that model only, and no stage holds a compilation, symbol, syntax node or location.
/// </summary>
public class CachingTests
{
    private const string AttributeModel = """
        [ThalNet.ThalNetModel]
        [ThalNet.ThalNetInput("x", 4)]
        [ThalNet.ThalNetModule("a", Role = "input", Inputs = new[] { "x" })]
        [ThalNet.ThalNetModule("b", Role = "output")]
        [ThalNet.ThalNetOutput("b", "y", 2)]
        public partial class AttributeNet;
        """;

    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Adding_or_editing_unrelated_code_reuses_every_step()
    {
        var compilation = GeneratorHarness.Compilation(AttributeModel, "public static class Unrelated { public static int Value => 1; }");
        var first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(TestSpecs.Names.Select(TestSpecs.File)));
        Assert.Equal(ThalNetGeneratorStepNames.All.Order(), first.RunResult.TrackedSteps.Keys.Where(ThalNetGeneratorStepNames.All.Contains).Order());

        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Added { }", GeneratorHarness.ParseOptions, "Added.cs"));
        var second = GeneratorHarness.Run(added, first.Driver);
        AssertReused(second);

        var unrelated = added.SyntaxTrees.Single(t => t.FilePath == "Consumer1.cs");
        var edited = added.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(SourceText.From("public static class Unrelated { public static int Value => 2; }")));
        var third = GeneratorHarness.Run(edited, second.Driver);
        AssertReused(third);
        Assert.Equal(first.Sources.Select(s => s.SourceText.ToString()), third.Sources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_one_spec_regenerates_only_its_model()
    {
        var specs = TestSpecs.Names.Select(TestSpecs.File).ToList();
        var compilation = GeneratorHarness.Compilation();
        var first = GeneratorHarness.Run(compilation, GeneratorHarness.Driver(specs));

        var mnist = specs.Single(s => s.Path.EndsWith("SequentialMnist.thalnet.yaml", StringComparison.Ordinal));
        var edited = GeneratorHarness.Yaml(mnist.Path, mnist.GetText()!.ToString().Replace("context: 32", "context: 16", StringComparison.Ordinal));
        var second = GeneratorHarness.Run(compilation, first.Driver.ReplaceAdditionalText(mnist, edited));

        var emitted = second.RunResult.TrackedSteps[ThalNetGeneratorStepNames.ModelSources]
            .SelectMany(step => step.Outputs)
            .Select(output => (((Pipeline.GeneratedModel)output.Value).Plan.Name, output.Reason))
            .Where(output => !Reused.Contains(output.Reason));
        Assert.Equal([("SequentialMnistNet", IncrementalStepRunReason.Modified)], emitted);
    }

    [Fact]
    public void No_stage_holds_compilation_objects()
    {
        var result = GeneratorHarness.Run(TestSpecs.Names.Select(TestSpecs.File), AttributeModel);

        foreach (var (name, steps) in result.RunResult.TrackedSteps.Where(step => ThalNetGeneratorStepNames.All.Contains(step.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertPlainValues(output.Value, name, []);
            }
        }
    }

    private static void AssertReused(GeneratorResult result)
    {
        foreach (var name in ThalNetGeneratorStepNames.All)
        {
            var reasons = result.RunResult.TrackedSteps[name].SelectMany(step => step.Outputs).Select(o => o.Reason);
            Assert.All(reasons, reason => Assert.True(Reused.Contains(reason), $"Step {name} ran again: {reason}"));
        }
    }

    /// <summary>Walks a value's fields: nothing may be a compilation, symbol, syntax node, semantic model or location.</summary>
    private static void AssertPlainValues(object? value, string step, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"Step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainValues(item, step, seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainValues(field.GetValue(value), step, seen);
        }
    }
}
