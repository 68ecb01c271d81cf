using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>
/// What a user who installs the packages experiences: a new console project, <c>dotnet add package</c> of
/// ThalNet.Runtime and ThalNet.Generators from a local feed, a spec and a program, <c>dotnet run</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class InstalledPackageTests(PackedPackages packages, ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void A_new_console_app_installs_the_packages_and_trains_its_generated_model()
    {
        var project = NewConsoleProject("installed");
        ConsumerFiles.Write(project, ConsumerFiles.Spec);

        var run = Run(project, "run");

        var losses = LossLine().Matches(run.Output).Select(m => float.Parse(m.Groups["loss"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses.Count == 30, $"expected 30 loss lines: {run}");
        Assert.True(losses[^1] < losses[0] / 2, $"expected the loss to fall by half: {run}");
        AssertGeneratorIsPrivate(Path.Combine(project, $"{ConsumerFiles.ProjectName}.csproj"));
    }

    [Fact]
    public void A_new_console_app_on_TorchSharp_installs_the_packages_and_trains_its_generated_TorchSharp_model()
    {
        var project = NewConsoleProject("installed-torchsharp", "ThalNet.TorchSharp");
        var projectPath = Path.Combine(project, $"{ConsumerFiles.ProjectName}.csproj");
        // One native libtorch (Linux x64, CPU), as docs/torchsharp.md advises for libtorch-cpu-linux-x64.
        var document = XDocument.Load(projectPath);
        document.Root!.Element("PropertyGroup")!.Add(new XElement("RuntimeIdentifier", "linux-x64"));
        document.Save(projectPath);
        Run(project, "add", "package", "libtorch-cpu-linux-x64");
        ConsumerFiles.WriteTorchSharp(project, ConsumerFiles.Spec);

        var run = Run(project, "run");

        Assert.Contains("keys sense.read.w sense.read.beta sense.gru.weight_ih", run.Output, StringComparison.Ordinal);
        var losses = LossLine().Matches(run.Output).Select(m => float.Parse(m.Groups["loss"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses.Count == 30, $"expected 30 loss lines: {run}");
        Assert.True(losses[^1] < losses[0] / 2, $"expected the loss to fall by half: {run}");
    }

    /// <summary>
    /// The set of spec files is an input of the compile: renaming the spec to <c>.thalnet.yml</c> (also a spec) builds
    /// the same model, and deleting it fails the next incremental build instead of reusing the old model.
    /// </summary>
    [Fact]
    public void Renaming_or_deleting_the_spec_is_seen_by_an_incremental_build()
    {
        var project = NewConsoleProject("stale");
        var spec = ConsumerFiles.Write(project, ConsumerFiles.Spec);
        Run(project, "build");

        var renamed = Path.ChangeExtension(spec, ".yml");
        File.Move(spec, renamed);
        Run(project, "build");
        File.Delete(renamed);
        var deleted = DotnetCli.Run(project, CommandTimeout, ["build"]);
        output.WriteLine(deleted.ToString());

        Assert.False(deleted.Succeeded, $"expected the build without the spec to fail: {deleted}");
        Assert.Contains("error CS0246: The type or namespace name 'TinyApp' could not be found", deleted.Output, StringComparison.Ordinal);
    }

    /// <summary>A console project in a new folder with a runtime package and the generator added from the local feed.</summary>
    private string NewConsoleProject(string name, string runtimePackage = "ThalNet.Runtime")
    {
        var root = packages.NewFolder(name);
        File.WriteAllText(Path.Combine(root, "nuget.config"), packages.NuGetConfig);
        Run(root, "new", "console", "--name", ConsumerFiles.ProjectName, "--output", ConsumerFiles.ProjectName);
        var project = Path.Combine(root, ConsumerFiles.ProjectName);
        Run(project, "add", "package", runtimePackage, "--version", packages.Version);
        Run(project, "add", "package", "ThalNet.Generators", "--version", packages.Version);
        return project;
    }

    /// <summary>The package is a development dependency: NuGet marks it private, so the user's own package never depends on it.</summary>
    private static void AssertGeneratorIsPrivate(string projectPath)
    {
        var reference = XDocument.Load(projectPath).Descendants("PackageReference").Single(e => (string?)e.Attribute("Include") == "ThalNet.Generators");

        Assert.Equal("all", reference.Element("PrivateAssets")?.Value);
    }

    private CommandResult Run(string folder, params string[] arguments)
    {
        var result = DotnetCli.Run(folder, CommandTimeout, arguments);
        output.WriteLine(result.ToString());
        return result.EnsureSucceeded();
    }

    [GeneratedRegex(@"^loss \d+ (?<loss>[0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
