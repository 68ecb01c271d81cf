using System.Linq;

namespace ThalNet.Specs;

/// <summary>Reading and validation in one call, for callers that need no pipeline stage between them.</summary>
public static class SpecCompiler
{
    /// <summary>Reads, validates and lays out a YAML spec.</summary>
    /// <param name="filePath">The file name diagnostics report.</param>
    /// <param name="text">The YAML text.</param>
    public static CompiledSpec FromYaml(string filePath, string text) => Compile(SpecReader.Read(filePath, text));

    /// <summary>Builds, validates and lays out the spec that a class's ThalNet attributes describe.</summary>
    public static CompiledSpec FromAttributes(ModelAttributes attributes) => Compile(SpecBuilder.Build(attributes));

    /// <summary>
    /// Validates a read spec and, where it has no errors, infers its layout (solving <c>auto</c> sizes from the
    /// budget).
    /// </summary>
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
