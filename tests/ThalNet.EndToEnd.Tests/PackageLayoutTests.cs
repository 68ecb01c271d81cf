using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>What <c>dotnet pack ThalNet.Packages.slnf</c> puts in each package.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void The_feed_holds_the_five_packages_and_nothing_else()
    {
        output.WriteLine(packages.Pack.ToString());
        var expected = PackedPackages.Ids.Select(id => Path.GetFileName(packages.PackagePath(id))).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Directory.GetFiles(packages.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_generator_package_is_an_analyzer_with_its_dependencies_beside_it_and_no_package_dependency()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.Generators"));

        Assert.Equal(
            [
                "README.md",
                "analyzers/dotnet/cs/ThalNet.Generators.dll",
                "analyzers/dotnet/cs/ThalNet.Generators.xml",
                "analyzers/dotnet/cs/ThalNet.Specs.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/ThalNet.Generators.props",
                "docs/editor.md",
                "docs/spec-reference.md",
                "schemas/thalnet.schema.json",
            ],
            package.Files);
        Assert.Equal("true", package.Metadata("developmentDependency"));
        Assert.Empty(package.Dependencies);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "schemas", "thalnet.schema.json")), package.Read("schemas/thalnet.schema.json"));
    }

    [Fact]
    public void The_template_package_holds_both_templates_with_the_packed_version_in_their_package_references()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.Templates"));

        Assert.Equal("Template", Assert.Single(package.PackageTypes));
        Assert.Empty(package.Dependencies);
        foreach (var template in new[] { "thalnet", "thalnet-torch" })
        {
            Assert.Contains($"content/{template}/.template.config/template.json", package.Files);
            Assert.Contains($"content/{template}/model.thalnet.yaml", package.Files);
            Assert.Contains($"content/{template}/Program.cs", package.Files);
            var project = package.Read($"content/{template}/ThalNetApp.csproj");
            Assert.Contains($"Include=\"ThalNet.Generators\" Version=\"{packages.Version}\"", project, StringComparison.Ordinal);
            Assert.DoesNotContain("_VERSION", project, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_runtime_package_is_a_library_that_brings_the_spec_package_at_its_own_version()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.Runtime"));

        Assert.Equal(["README.md", "lib/net10.0/ThalNet.Runtime.dll", "lib/net10.0/ThalNet.Runtime.xml"], package.Files);
        Assert.Contains(("ThalNet.Specs", packages.Version), package.Dependencies);
        Assert.DoesNotContain(package.Dependencies, d => d.Id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || d.Id == "ThalNet.Generators");
    }

    [Fact]
    public void The_TorchSharp_package_depends_on_TorchSharp_alone_and_ships_the_libtorch_patch_as_a_transitive_build_step()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.TorchSharp"));

        Assert.Equal(
            [
                "README.md",
                "buildTransitive/PatchLibTorchSharp.cs",
                "buildTransitive/ThalNet.TorchSharp.targets",
                "lib/net10.0/ThalNet.TorchSharp.dll",
                "lib/net10.0/ThalNet.TorchSharp.xml",
            ],
            package.Files);
        Assert.Equal(["ThalNet.Specs", "TorchSharp"], package.Dependencies.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_spec_package_is_a_netstandard_library_on_YamlDotNet()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.Specs"));

        Assert.Equal(["README.md", "lib/netstandard2.0/ThalNet.Specs.dll", "lib/netstandard2.0/ThalNet.Specs.xml"], package.Files);
        Assert.Equal(["YamlDotNet"], package.Dependencies.Select(d => d.Id));
    }

    [Theory]
    [InlineData("ThalNet.Specs", "lib/netstandard2.0/")]
    [InlineData("ThalNet.Runtime", "lib/net10.0/")]
    [InlineData("ThalNet.TorchSharp", "lib/net10.0/")]
    [InlineData("ThalNet.Generators", "analyzers/dotnet/cs/")]
    public void Every_package_contains_the_XML_documentation_of_its_assembly(string id, string folder)
    {
        var package = NuGetPackage.Open(packages.PackagePath(id));

        var documentation = package.Read(folder + id + ".xml");
        Assert.Contains($"<assembly>\n        <name>{id}</name>", documentation.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<member name=\"T:", documentation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_package_carries_the_spec_reference()
    {
        var package = NuGetPackage.Open(packages.PackagePath("ThalNet.Generators"));

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "docs", "spec-reference.md")), package.Read("docs/spec-reference.md"));
    }

    [Theory]
    [InlineData("ThalNet.Specs")]
    [InlineData("ThalNet.Runtime")]
    [InlineData("ThalNet.Generators")]
    [InlineData("ThalNet.TorchSharp")]
    public void Every_package_has_its_id_version_description_MIT_license_and_readme(string id)
    {
        var package = NuGetPackage.Open(packages.PackagePath(id));

        Assert.Equal(id, package.Metadata("id"));
        Assert.Equal(packages.Version, package.Metadata("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")));
        Assert.Equal("MIT", package.Metadata("license"));
        Assert.Equal("README.md", package.Metadata("readme"));
    }
}
