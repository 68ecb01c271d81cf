using Microsoft.CodeAnalysis;

namespace ThalNet.Generators.Tests.Infrastructure;

/// <summary>The canonical example specs under Specs/ and small inline specs.</summary>
internal static class TestSpecs
{
    public static IEnumerable<string> Names => Directory.GetFiles(Folder, "*.thalnet.yaml").Select(Path.GetFileName).OfType<string>().Order();

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>A spec file as the project passes it: a relative path and its text.</summary>
    public static AdditionalText File(string name) => GeneratorHarness.Yaml(Path.Combine("Specs", name), System.IO.File.ReadAllText(Path.Combine(Folder, name)));

    public static string Yaml(params string[] lines) => string.Join("\n", lines) + "\n";
}
