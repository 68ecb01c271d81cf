using System.Globalization;
using ThalNet.Generators.Tests.Fuzz;
using ThalNet.Generators.Tests.Infrastructure;
using ThalNet.Specs.Tests.Schema;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The schema and the spec compiler agree over randomly mutated example specs (the fuzz test's mutator, its own
/// seed): a spec the compiler accepts passes the schema, so an editor never underlines a valid spec; a spec the
/// compiler refuses for a mistake the schema expresses fails it.
/// </summary>
public sealed class SchemaFuzzTests
{
    private const int Iterations = 1500;
    private const int Seed = 29;

    [Fact]
    public void Mutated_specs_get_the_same_verdict_from_the_schema_and_the_compiler()
    {
        var mutator = new SpecMutator(new Random(Seed));
        var examples = TestSpecs.Names.Select(name => (Name: name, Text: TestSpecs.File(name).GetText()!.ToString())).ToList();
        var disagreements = new List<string>();
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < Iterations; i++)
        {
            var (name, text) = examples[i % examples.Count];
            var spec = mutator.Mutate(text);
            // YAML syntax and keys written twice are the YAML parser's findings, before any schema.
            var errors = SpecCompiler.FromYaml(name, spec).Diagnostics.Where(d => d.Severity == SpecSeverity.Error).Select(d => d.Id).Distinct().ToList();
            if (errors.Contains("THAL0001") || errors.Contains("THAL0004") || HasIntegerWrittenAsFloat(spec))
            {
                continue;
            }

            IReadOnlyList<string> schemaErrors;
            try
            {
                schemaErrors = SchemaCheck.Errors(spec);
            }
            catch (YamlDotNet.Core.YamlException) when (errors.Count > 0)
            {
                // A key written twice deeper than the compiler read, after an earlier error.
                continue;
            }

            if (errors.Count == 0)
            {
                accepted++;
                if (schemaErrors.Count > 0)
                {
                    disagreements.Add($"the compiler accepts it, the schema refuses it ({string.Join("; ", schemaErrors.Take(3))}):\n{spec}");
                }
            }
            else if (errors.Any(SchemaCheck.Expressed.Contains))
            {
                refused++;
                if (schemaErrors.Count == 0)
                {
                    disagreements.Add($"the compiler refuses it ({string.Join(", ", errors)}), the schema passes it:\n{spec}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements:\n" + string.Join("\n", disagreements.Select(d => d[..d.IndexOf('\n', StringComparison.Ordinal)])) + "\n\nthe first:\n\n" + string.Join("\n\n", disagreements.Take(3)));
        Assert.InRange(accepted, Iterations / 10, Iterations);
        Assert.InRange(refused, Iterations / 10, Iterations);
    }

    /// <summary>
    /// <c>2.0</c> where an integer belongs: the compiler refuses it, but JSON Schema counts a number with a zero
    /// fraction as an integer (a documented limit, docs/editor.md).
    /// </summary>
    private static bool HasIntegerWrittenAsFloat(string spec)
    {
        var tokens = spec.Split(['\n', ' ', ',', '[', '{', '}', ']'], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Where((token, i) => i == 0 || tokens[i - 1] != "weight:")
            .Any(token => token.Contains('.', StringComparison.Ordinal) && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == Math.Floor(value));
    }
}
