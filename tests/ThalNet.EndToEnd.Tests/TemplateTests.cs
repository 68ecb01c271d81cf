using System.Globalization;
using System.Text.RegularExpressions;
using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>
/// <c>dotnet new install ThalNet.Templates</c> from the packed package into a private template home
/// (<c>--debug:custom-hive</c>, so the machine's own templates are untouched), then <c>dotnet new thalnet</c> and
/// <c>dotnet new thalnet-torch</c>: each project restores the packed packages, builds, runs and trains.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class TemplateTests(PackedPackages packages, ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void Dotnet_new_thalnet_makes_a_project_that_trains_to_a_lower_loss()
    {
        var project = NewProject("thalnet", "MyNet");

        var run = Run(project, "run");

        var (before, after) = TestLoss(run);
        Assert.True(after < before * 0.8, $"expected the test loss to fall by a fifth: {run}");
        Assert.Contains("SignNet: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_new_thalnet_torch_makes_a_TorchSharp_project_that_trains_to_a_lower_loss()
    {
        var project = NewProject("thalnet-torch", "MyTorchNet");

        var run = Run(project, "run");

        var (before, after) = TestLoss(run);
        Assert.True(after < before * 0.8, $"expected the test loss to fall by a fifth: {run}");
        Assert.Contains("SignNetTorch: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_of_a_new_project_names_the_schema_that_its_build_puts_in_obj()
    {
        var project = NewProject("thalnet", "SchemaNet");

        Run(project, "build");

        var comment = File.ReadLines(Path.Combine(project, "model.thalnet.yaml")).First();
        Assert.Equal("# yaml-language-server: $schema=obj/thalnet.schema.json", comment);
        Assert.Equal(
            File.ReadAllText(Path.Combine(Repository.Root, "schemas", "thalnet.schema.json")),
            File.ReadAllText(Path.Combine(project, "obj", "thalnet.schema.json")));
        Assert.Contains($"Include=\"ThalNet.Runtime\" Version=\"{packages.Version}\"", File.ReadAllText(Path.Combine(project, "SchemaNet.csproj")), StringComparison.Ordinal);
    }

    /// <summary>A project made from <paramref name="template"/> in a new folder whose nuget.config names the local feed.</summary>
    private string NewProject(string template, string name)
    {
        var root = packages.NewFolder($"template-{name}");
        var hive = Path.Combine(root, "dotnet-new-home");
        File.WriteAllText(Path.Combine(root, "nuget.config"), packages.NuGetConfig);
        Run(root, "new", "install", packages.PackagePath("ThalNet.Templates"), "--debug:custom-hive", hive);
        Run(root, "new", template, "--name", name, "--debug:custom-hive", hive);
        return Path.Combine(root, name);
    }

    private static (float Before, float After) TestLoss(CommandResult run)
    {
        var match = TestLossLine().Match(run.Output);
        Assert.True(match.Success, $"expected a line 'test loss A -> B': {run}");
        return (float.Parse(match.Groups["before"].Value, CultureInfo.InvariantCulture), float.Parse(match.Groups["after"].Value, CultureInfo.InvariantCulture));
    }

    private CommandResult Run(string folder, params string[] arguments)
    {
        var result = DotnetCli.Run(folder, CommandTimeout, arguments);
        output.WriteLine(result.ToString());
        return result.EnsureSucceeded();
    }

    [GeneratedRegex(@"^test loss (?<before>[0-9.]+) -> (?<after>[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex TestLossLine();
}
