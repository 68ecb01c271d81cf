using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build</c> of a project outside the repository that wires the generator in as the examples do: the
/// generator project as an analyzer, its build props imported, the runtime project referenced.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class GeneratorBuildTests(PackedPackages packages, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void A_center_mismatch_fails_the_build_at_the_center_value_and_the_corrected_spec_builds()
    {
        var project = packages.NewFolder("generator-build");
        File.WriteAllText(Path.Combine(project, $"{ConsumerFiles.ProjectName}.csproj"), ProjectFile());
        var specPath = ConsumerFiles.Write(project, ConsumerFiles.WrongCenterSpec);

        var failed = Build(project);

        var expected = specPath + ConsumerFiles.WrongCenterError;
        Assert.False(failed.Succeeded, $"expected the build to fail: {failed}");
        Assert.True(failed.Output.Contains(expected, StringComparison.Ordinal), $"expected `{expected}` in: {failed}");

        File.WriteAllText(specPath, ConsumerFiles.Spec);
        Build(project).EnsureSucceeded();
    }

    private CommandResult Build(string project)
    {
        var result = DotnetCli.Run(project, BuildTimeout, ["build", .. packages.BuildArguments]);
        output.WriteLine(result.ToString());
        return result;
    }

    private static string ProjectFile() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{Repository.GeneratorProps}" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{Repository.RuntimeProject}" />
            <ProjectReference Include="{Repository.GeneratorProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;
}
