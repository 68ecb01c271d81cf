namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>Paths in the repository these tests run from, found by walking up from the test assembly to ThalNet.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The solution filter of the packable projects: what <c>dotnet pack</c> turns into the packages.</summary>
    public static string PackagesFilter => Path.Combine(Root, "ThalNet.Packages.slnf");

    public static string RuntimeProject => Path.Combine(Root, "ThalNet.Runtime", "ThalNet.Runtime.csproj");

    public static string GeneratorProject => Path.Combine(Root, "ThalNet.Generators", "ThalNet.Generators.csproj");

    /// <summary>What the generator package adds to a consuming project; in-repository consumers import it themselves.</summary>
    public static string GeneratorProps => Path.Combine(Root, "ThalNet.Generators", "build", "ThalNet.Generators.props");

    public static bool Contains(string path) =>
        Path.GetFullPath(path).StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
    }
}
