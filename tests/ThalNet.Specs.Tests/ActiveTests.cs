using static ThalNet.Specs.Tests.TestSpecs;

namespace ThalNet.Specs.Tests;

/// <summary>
/// <c>active: k</c>, the modules that compete to update: read into the spec and the layout from both forms, and its
/// two diagnostics at the value (THAL0039, THAL0040) in both forms.
/// </summary>
public class ActiveTests
{
    private const string Source = """
        [ThalNetModel(Active = 2)]
        [ThalNetInput("x", 4)]
        [ThalNetDefaults(Reading = "attention")]
        [ThalNetModule("a", Role = "input", Inputs = new[] { "x" })]
        [ThalNetModule("s", Role = "side")]
        [ThalNetModule("b", Role = "output")]
        [ThalNetOutput("b", "y", 2)]
        public partial class M;
        """;

    [Fact]
    public void Active_is_read_into_the_spec_and_the_layout()
    {
        var compiled = SpecCompiler.FromYaml(FilePath, Spec("active: 2", "attention"));

        Assert.Empty(compiled.Diagnostics);
        Assert.Equal(2, compiled.Spec!.Active!.Value.Value);
        Assert.Equal(new SourceLocation(FilePath, 2, 9, 2, 10, 17, 18), compiled.Spec.Active.Value.ValueLocation);
        Assert.Equal(2, compiled.Layout!.Active);
    }

    [Fact]
    public void Without_active_every_module_updates()
    {
        var compiled = SpecCompiler.FromYaml(FilePath, Spec("substeps: 1", "attention"));

        Assert.Empty(compiled.Diagnostics);
        Assert.Null(compiled.Spec!.Active);
        Assert.Null(compiled.Layout!.Active);
    }

    [Fact]
    public void Both_forms_give_the_same_spec()
    {
        var yaml = SpecCompiler.FromYaml(FilePath, Spec("active: 2", "attention"));
        var attributes = SpecCompiler.FromAttributes(Attributes(2, "attention"));

        Assert.Empty(attributes.Diagnostics);
        Assert.Equal(yaml.Spec!.WithoutLocations(), attributes.Spec!.WithoutLocations());
        Assert.Equal(yaml.Layout, attributes.Layout);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 2)]
    [InlineData(-1, 2)]
    public void Active_outside_one_to_modules_less_one_is_reported_at_its_value(int k, int largest)
    {
        var written = k.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var compiled = SpecCompiler.FromYaml(FilePath, Spec($"active: {written}", "attention"));

        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.Equal("THAL0039", diagnostic.Id);
        Assert.Equal($"'active' must be from 1 to {largest} (one less than the module count), but is {written}", diagnostic.Message);
        Assert.Equal((2, 9, 2, 9 + written.Length), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
        Assert.Null(compiled.Layout);
    }

    [Fact]
    public void Active_out_of_range_in_the_attribute_form_is_reported_at_its_argument()
    {
        var compiled = SpecCompiler.FromAttributes(Attributes(3, "attention"));

        Assert.Equal(["THAL0039 error Model.cs(1,24): 'active' must be from 1 to 2 (one less than the module count), but is 3"], Lines(compiled.Diagnostics));
    }

    [Fact]
    public void A_module_reading_without_a_null_slot_is_reported_at_its_reading()
    {
        var yaml = Spec("active: 1", "attention").Replace("    inputs: [x]\n", "    inputs: [x]\n    reading: fast-softmax\n", StringComparison.Ordinal);

        var compiled = SpecCompiler.FromYaml(FilePath, yaml);

        Assert.Equal(
            ["THAL0040 error test.thalnet.yaml(10,14): 'active' ranks modules by the weight their read puts on a null slot, but module 'a' reads by 'fast-softmax', which has none; only 'attention' has a null slot"],
            Lines(compiled.Diagnostics));
    }

    [Fact]
    public void Modules_on_the_default_reading_are_reported_at_active_in_both_forms()
    {
        const string Message = "'active' ranks modules by the weight their read puts on a null slot, but module '{0}' reads by 'weight-norm', which has none; only 'attention' has a null slot";

        var yaml = SpecCompiler.FromYaml(FilePath, Spec("active: 1", reading: null));
        var attributes = SpecCompiler.FromAttributes(Attributes(1, reading: null));

        Assert.Equal(["a", "s", "b"], yaml.Diagnostics.Select(d => Assert.IsType<string>(d.Message.Split('\'')[3])));
        Assert.All(yaml.Diagnostics, d => Assert.Equal(("THAL0040", 2, 9), (d.Id, d.Location.StartLine, d.Location.StartColumn)));
        Assert.Equal(
            new[] { "a", "s", "b" }.Select(m => "THAL0040 error Model.cs(1,24): " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, m)),
            Lines(attributes.Diagnostics));
    }

    [Fact]
    public void A_defaults_reading_without_a_null_slot_is_reported_there()
    {
        var compiled = SpecCompiler.FromYaml(FilePath, Spec("active: 1", "linear"));

        Assert.Equal(3, compiled.Diagnostics.Count);
        Assert.All(compiled.Diagnostics, d => Assert.Equal(("THAL0040", 3, 22), (d.Id, d.Location.StartLine, d.Location.StartColumn)));
    }

    /// <summary>Three modules; <paramref name="line2"/> is the second line, <paramref name="reading"/> the defaults' reading (none when null).</summary>
    private static string Spec(string line2, string? reading) => Yaml(
        "model: M",
        line2,
        reading is null ? "defaults: { context: 4 }" : $"defaults: {{ reading: {reading} }}",
        "inputs:",
        "  x: 4",
        "modules:",
        "  a:",
        "    role: input",
        "    inputs: [x]",
        "  s: { role: side }",
        "  b:",
        "    role: output",
        "    outputs:",
        "      y: { size: 2 }");

    private static ModelAttributes Attributes(int active, string? reading)
    {
        var written = active.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = Source.Replace("Active = 2", "Active = " + written, StringComparison.Ordinal);
        var s = new AttributeSource(reading is null ? text.Replace("""[ThalNetDefaults(Reading = "attention")]""", "[ThalNetDefaults(Context = 4)]", StringComparison.Ordinal) : text);
        var model = new ModelAttributeArguments(
            new Located<string>("M", s.Find("M;")),
            null,
            null,
            null,
            null,
            s.Find("public partial class M;"),
            new Located<int>(active, s.Find("Active"), s.Find(written + ")]")));
        var defaults = reading is null
            ? new DefaultsAttributeArguments(null, new Located<int>(4, s.Find("Context"), s.Find("4)]", 1)), null)
            : new DefaultsAttributeArguments(s.Text(reading, "Reading"), null, null);
        return new ModelAttributes(
            model,
            EquatableArray.Create(new InputAttributeArguments(s.Text("x"), s.Value(4, "4)]", "4)]"), null)),
            defaults,
            EquatableArray.Create(
                new ModuleAttributeArguments(s.Text("a"), s.Text("input", "Role"), s.Texts("Inputs", 0, "x"), null, null, null),
                new ModuleAttributeArguments(s.Text("s"), s.Text("side", "Role", occurrence: 0), null, null, null, null),
                new ModuleAttributeArguments(s.Text("b"), s.Text("output", "Role"), null, null, null, null)),
            EquatableArray.Create(new OutputAttributeArguments(s.Text("b", occurrence: 1), s.Text("y"), s.Value(2, "2)]", "2)]"), null, null, null)));
    }
}
