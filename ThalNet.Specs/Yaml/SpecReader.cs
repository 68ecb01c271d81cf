namespace ThalNet.Specs;

/// <summary>Reads <c>*.thalnet.yaml</c> spec files.</summary>
public static class SpecReader
{
    /// <summary>Reads a spec; never throws. Every problem becomes a diagnostic located in <paramref name="filePath"/>.</summary>
    public static SpecParseResult Read(string filePath, string text)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeLoader.Load(filePath, text, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new SpecParseResult(null, diagnostics.ToArray());
        }

        var start = new SourceLocation(filePath, 1, 1, 1, 1, 0, 0);
        var spec = new YamlSpecReader(diagnostics).ReadModel(root ?? new YamlScalar("", true, start));
        return new SpecParseResult(spec is null ? null : spec with { IsComplete = !diagnostics.HasErrors }, diagnostics.ToArray());
    }
}
