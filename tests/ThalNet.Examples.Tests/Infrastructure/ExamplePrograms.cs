using System.Reflection;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>Where the build put each example's dll (recorded by the project file as assembly metadata).</summary>
internal static class ExamplePrograms
{
    private const string Prefix = "Example:";

    public static string Path(string example)
    {
        var key = Prefix + example;
        var path = typeof(ExamplePrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        Assert.False(path is null, $"The test project does not build example '{example}'; add it to ExampleProgram in ThalNet.Examples.Tests.csproj.");
        Assert.True(File.Exists(path), $"Example '{example}' is not built at {path}; build the solution first.");
        return path!;
    }
}
