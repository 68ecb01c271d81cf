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
        var root = packages.NewFolder("installed");
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig());
        Run(root, "new", "console", "--name", ConsumerFiles.ProjectName, "--output", ConsumerFiles.ProjectName);
        var project = Path.Combine(root, ConsumerFiles.ProjectName);
        Run(project, "add", "package", "ThalNet.Runtime", "--version", packages.Version);
        Run(project, "add", "package", "ThalNet.Generators", "--version", packages.Version);
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
        var root = packages.NewFolder("installed-torchsharp");
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig());
        Run(root, "new", "console", "--name", ConsumerFiles.ProjectName, "--output", ConsumerFiles.ProjectName);
        var project = Path.Combine(root, ConsumerFiles.ProjectName);
        var projectPath = Path.Combine(project, $"{ConsumerFiles.ProjectName}.csproj");
        // One native libtorch (Linux x64, CPU), as the README advises for libtorch-cpu-linux-x64.
        var document = XDocument.Load(projectPath);
        document.Root!.Element("PropertyGroup")!.Add(new XElement("RuntimeIdentifier", "linux-x64"));
        document.Save(projectPath);
        Run(project, "add", "package", "ThalNet.TorchSharp", "--version", packages.Version);
        Run(project, "add", "package", "ThalNet.Generators", "--version", packages.Version);
        Run(project, "add", "package", "libtorch-cpu-linux-x64");
        ConsumerFiles.WriteTorchSharp(project, ConsumerFiles.Spec);

        var run = Run(project, "run");

        Assert.Contains("keys sense.read.w sense.read.beta sense.gru.weight_ih", run.Output, StringComparison.Ordinal);
        var losses = LossLine().Matches(run.Output).Select(m => float.Parse(m.Groups["loss"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses.Count == 30, $"expected 30 loss lines: {run}");
        Assert.True(losses[^1] < losses[0] / 2, $"expected the loss to fall by half: {run}");
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

    /// <summary>
    /// The user's feeds: the local folder for ThalNet packages added to the machine's own sources, which supply
    /// everything else. The packed version is unique to this run, so only the local feed can serve it.
    /// </summary>
    private string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{packages.Feed}" />
          </packageSources>
        </configuration>
        """;

    [GeneratedRegex(@"^loss \d+ (?<loss>[0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
