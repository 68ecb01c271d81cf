namespace ThalNet.Generators.Pipeline;

/// <summary>A spec file's path and text; <see cref="Text"/> is null when it could not be read, with the reason in <see cref="ReadFailure"/>.</summary>
internal sealed record YamlFile(string Path, string? Text, SpecDiagnostic? ReadFailure)
{
    public const string Suffix = ".thalnet.yaml";

    public static bool IsSpec(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);
}
