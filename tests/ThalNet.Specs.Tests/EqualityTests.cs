using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

/// <summary>The generator caches on equality, so everything it stores must compare by value.</summary>
public class EqualityTests
{
    [Theory]
    [InlineData("Design.thalnet.yaml")]
    [InlineData("SequentialMnist.thalnet.yaml")]
    [InlineData("TextModel.thalnet.yaml")]
    public void Reading_the_same_text_twice_gives_equal_results(string file)
    {
        var first = CompileFile(file);
        var second = CompileFile(file);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Spec!.GetHashCode(), second.Spec!.GetHashCode());
    }

    [Fact]
    public void Moving_a_value_changes_the_spec_but_not_its_location_free_form()
    {
        var text = FileText("SequentialMnist.thalnet.yaml");
        var original = SpecReader.Read(FilePath, text).Spec!;
        var moved = SpecReader.Read(FilePath, "\n" + text).Spec!;

        Assert.NotEqual(original, moved);
        Assert.Equal(original.WithoutLocations(), moved.WithoutLocations());
        Assert.Equal(original.WithoutLocations().GetHashCode(), moved.WithoutLocations().GetHashCode());
        Assert.Equal(SpecValidator.Validate(original).Layout, SpecValidator.Validate(moved).Layout);
    }

    [Fact]
    public void Changing_a_value_changes_the_spec()
    {
        var text = FileText("SequentialMnist.thalnet.yaml");
        var original = SpecReader.Read(FilePath, text).Spec!;
        var changed = SpecReader.Read(FilePath, text.Replace("context: 32", "context: 31", StringComparison.Ordinal)).Spec!;

        Assert.NotEqual(original.WithoutLocations(), changed.WithoutLocations());
    }

    [Fact]
    public void Equatable_array_compares_by_content()
    {
        var a = EquatableArray.Create(1, 2, 3);
        var b = new[] { 1, 2, 3 }.ToEquatableArray();

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EquatableArray.Create(1, 2));
        Assert.Equal(default, EquatableArray<int>.Empty);
        Assert.Equal(default(EquatableArray<int>), EquatableArray.Create<int>());
        Assert.Empty(default(EquatableArray<string>));
    }

    [Fact]
    public void Diagnostics_compare_by_value()
    {
        var location = new SourceLocation("f", 1, 2, 1, 3, 1, 2);

        Assert.Equal(SpecDiagnostics.UnknownRole.Create(location, "role", "x", ""), SpecDiagnostics.UnknownRole.Create(location, "role", "x", ""));
        Assert.NotEqual(SpecDiagnostics.UnknownRole.Create(location, "role", "x", ""), SpecDiagnostics.UnknownRole.Create(location.Start, "role", "x", ""));
    }
}
