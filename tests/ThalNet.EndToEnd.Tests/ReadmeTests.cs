using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>README's "Install and author a model" shows the spec, the program and the build error these tests check.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_readme_spec_is_the_one_the_tests_build()
    {
        Assert.Contains("```yaml\n" + ConsumerFiles.Spec.ReplaceLineEndings("\n") + "```\n", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_program_is_the_one_the_tests_build_and_run()
    {
        Assert.Contains("```csharp\n" + ConsumerFiles.Program.ReplaceLineEndings("\n") + "```\n", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_diagnostic_is_the_one_the_build_reports()
    {
        Assert.Contains(ConsumerFiles.SpecFileName + ConsumerFiles.WrongCenterError + " [", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_installs_the_packages_that_are_packed()
    {
        Assert.All(["ThalNet.Runtime", "ThalNet.Generators"], id => Assert.Contains($"dotnet add package {id} ", Readme, StringComparison.Ordinal));
        Assert.Contains("dotnet pack ThalNet.Packages.slnf", Readme, StringComparison.Ordinal);
    }
}
