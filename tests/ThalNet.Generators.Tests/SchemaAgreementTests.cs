using ThalNet.Generators.Tests.Infrastructure;
using ThalNet.Specs.Tests.Schema;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The generator's refused specs against <c>schemas/thalnet.schema.json</c>: one refused for a mistake the schema
/// expresses fails it, one refused for a mistake it leaves to the generator passes it.
/// </summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string, string> RefusedSpecs()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in DiagnosticTests.YamlCases)
        {
            var expected = (string)row[0];
            var id = expected[..expected.IndexOf(' ', StringComparison.Ordinal)];
            if (SchemaCheck.Pinned(id))
            {
                data.Add(expected, (string)row[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedSpecs))]
    public void A_spec_the_generator_refuses_fails_the_schema_when_the_schema_can_express_the_mistake(string diagnostic, string yaml)
    {
        Assert.Equal([diagnostic], GeneratorHarness.Run([GeneratorHarness.Yaml("Spec.thalnet.yaml", yaml)]).DiagnosticLines);
        SchemaCheck.AssertAgrees(diagnostic[..diagnostic.IndexOf(' ', StringComparison.Ordinal)], yaml);
    }

    [Fact]
    public void Only_yaml_syntax_and_duplicates_are_left_unchecked()
    {
        var unpinned = DiagnosticTests.YamlCases.Select(row => ((string)row[0])[..8]).Where(id => !SchemaCheck.Pinned(id)).Distinct();

        Assert.Equal(["THAL0001", "THAL0004"], unpinned.Order());
    }
}
