using Microsoft.CodeAnalysis;
using ThalNet.Generators.Tests.Fuzz;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The generator never throws: malformed and randomly damaged specs give THAL diagnostics, and whatever code
/// is still generated compiles.
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> Malformed => new(
        "",
        "   \n\t\n",
        "---\n",
        "# only a comment",
        "- a\n- b\n",
        "model: [",
        "model: M\nmodules: 5\n",
        "model: M\ninputs: {x: {tokens: 99999999999999999999}}\nmodules: {}\n",
        ":::\n",
        "model: !!binary AAAA\n",
        "a: &a [*a]\nmodel: *a\n",
        "model: *undefined\n",
        new string('[', 500) + new string(']', 500),
        "model: M\nmodules:\n  a: {role: input, inputs: [x, [y]]}\n",
        "\uFEFFmodel: M\n",
        "model: M\0\n",
        "model: M\ninputs:\n  x: 1e9\nsubsteps: 2147483648\n",
        "model: M\ninputs:\n  x: 4\nmodules:\n  a: { role: input, inputs: [x], layers: [ff -1] }\n  b: { role: output, outputs: { y: { size: 2, weight: .inf } } }\n",
        "model: M\n? [complex, key]\n: value\n",
        "model: M\nnamespace: A..B\ninputs: {x: 1}\nmodules: {a: {role: input, inputs: [x]}, b: {role: output, outputs: {y: {size: 1}}}}\n");

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_yaml_gives_diagnostics_not_exceptions(string yaml)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Bad.thalnet.yaml", yaml)]);

        AssertHandled(result);
        Assert.NotEmpty(result.DiagnosticLines);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    [InlineData("---")]
    [InlineData("--- ")]
    [InlineData("...")]
    [InlineData("---\n...")]
    [InlineData("model: M\n---")]
    public void Every_diagnostic_lies_inside_the_text(string yaml)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Bad.thalnet.yaml", yaml)]);

        var lines = yaml.Split('\n');
        Assert.All(result.RunResult.Diagnostics, d =>
        {
            var span = d.Location.GetLineSpan();
            Assert.InRange(d.Location.SourceSpan.End, 0, yaml.Length);
            Assert.InRange(span.EndLinePosition.Line, 0, lines.Length - 1);
            Assert.InRange(span.EndLinePosition.Character, 0, lines[span.EndLinePosition.Line].Length);
        });
    }

    [Fact]
    public void A_spec_of_only_a_document_marker_is_reported_at_its_end()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Yaml("Bad.thalnet.yaml", "---")]);

        Assert.Equal(["THAL0003 error Bad.thalnet.yaml(1,4): Missing required key 'model' in the spec", "THAL0003 error Bad.thalnet.yaml(1,4): Missing required key 'inputs' in the spec", "THAL0003 error Bad.thalnet.yaml(1,4): Missing required key 'modules' in the spec"], result.DiagnosticLines);
    }

    [Fact]
    public void Randomly_damaged_specs_never_break_the_generator()
    {
        var damage = new SpecMutator(new Random(20171204));
        var generated = 0;
        foreach (var name in TestSpecs.Names)
        {
            var text = TestSpecs.File(name).GetText()!.ToString();
            for (var i = 0; i < 20; i++)
            {
                var result = GeneratorHarness.Run([GeneratorHarness.Yaml(name, damage.Damage(text))]);

                AssertHandled(result);
                if (result.Sources.Count > 0)
                {
                    generated++;
                    Assert.Empty(result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(DiagnosticFormat.Line));
                }
            }
        }

        Assert.InRange(generated, 1, 99);
    }

    private static void AssertHandled(GeneratorResult result)
    {
        Assert.Null(result.RunResult.Exception);
        // CS8784/CS8785 are the driver's reports of a generator that threw.
        Assert.All(result.DriverDiagnostics, d => Assert.StartsWith("THAL", d.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(result.RunResult.Diagnostics, d => d.Id == "THAL0034");
    }
}
