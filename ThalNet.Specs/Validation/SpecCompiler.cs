using System.Linq;

namespace ThalNet.Specs;

/// <summary>Reading and validation in one call, for callers that need no pipeline stage between them.</summary>
public static class SpecCompiler
{
    public static CompiledSpec FromYaml(string filePath, string text) => Compile(SpecReader.Read(filePath, text));

    public static CompiledSpec FromAttributes(ModelAttributes attributes) => Compile(SpecBuilder.Build(attributes));

    public static CompiledSpec Compile(SpecParseResult parsed)
    {
        if (parsed.Spec is not { } spec)
        {
            return new CompiledSpec(null, null, parsed.Diagnostics);
        }

        var validated = SpecValidator.Validate(spec);
        var diagnostics = parsed.Diagnostics.Concat(validated.Diagnostics).ToEquatableArray();
        var layout = diagnostics.Any(d => d.IsError) ? null : validated.Layout;
        return new CompiledSpec(spec, layout, diagnostics);
    }
}
