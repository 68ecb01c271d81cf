namespace ThalNet.Generators.Pipeline;

/// <summary>A spec file's path and text; <see cref="Text"/> is null when it could not be read, with the reason in <see cref="ReadFailure"/>.</summary>
internal sealed record YamlFile(string Path, string? Text, SpecDiagnostic? ReadFailure)
{
    /// <summary>The file name endings of spec files: YAML's own extension and its common short form.</summary>
    public static readonly string[] Suffixes = [".thalnet.yaml", ".thalnet.yml"];

    public static bool IsSpec(string path) => Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
