namespace ThalNet.Specs.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("vision", "Vision")]
    [InlineData("side_1", "Side1")]
    [InlineData("side1", "Side1")]
    [InlineData("fast-path", "FastPath")]
    [InlineData("camelCase", "CamelCase")]
    [InlineData("a__b", "AB")]
    public void Spec_names_become_pascal_case(string name, string expected)
    {
        Assert.Null(CSharpNames.SpecNameProblem(name));
        Assert.Equal(expected, CSharpNames.ToPascalCase(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("_x")]
    [InlineData("my module")]
    [InlineData("módulo")]
    public void Names_that_cannot_become_identifiers_are_rejected(string name)
        => Assert.NotNull(CSharpNames.SpecNameProblem(name));

    [Theory]
    [InlineData("readng", "reading")]
    [InlineData("raeding", "reading")]
    [InlineData("Role", "role")]
    [InlineData("weightnorm", "weight-norm")]
    [InlineData("outptus", "outputs")]
    public void Suggestions_find_near_misses(string written, string expected)
        => Assert.Equal(expected, Suggestions.Closest(written, ["reading", "role", "weight-norm", "outputs", "inputs"]));

    [Theory]
    [InlineData("w", "x")]
    [InlineData("banana", "reading")]
    public void Suggestions_skip_far_words(string written, string candidate)
        => Assert.Null(Suggestions.Closest(written, [candidate]));
}
