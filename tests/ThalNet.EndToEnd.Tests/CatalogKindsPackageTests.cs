using System.Globalization;
using System.Text.RegularExpressions;
using ThalNet.EndToEnd.Tests.Infrastructure;

namespace ThalNet.EndToEnd.Tests;

/// <summary>
/// The kinds added through the catalog (<c>ff N gelu</c>, <c>lstm N</c>, <c>loss: mse</c>) in a new console app that
/// installs the packed packages: it builds, and its MSE falls while it trains.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class CatalogKindsPackageTests(PackedPackages packages, ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void A_spec_with_gelu_lstm_and_mse_builds_from_the_packages_and_trains()
    {
        var root = packages.NewFolder("catalog-kinds");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        Run(root, "new", "console", "--name", ConsumerFiles.ProjectName, "--output", ConsumerFiles.ProjectName);
        var project = Path.Combine(root, ConsumerFiles.ProjectName);
        Run(project, "add", "package", "ThalNet.Runtime", "--version", packages.Version);
        Run(project, "add", "package", "ThalNet.Generators", "--version", packages.Version);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Consumer("RegressionProgram.cs.txt"));
        File.WriteAllText(Path.Combine(project, "regression.thalnet.yaml"), Consumer("regression.thalnet.yaml"));

        var run = Run(project, "run");

        Assert.Contains("center 32", run.Output, StringComparison.Ordinal);
        var losses = LossLine().Matches(run.Output).Select(m => float.Parse(m.Groups["loss"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(losses.Count == 40, $"expected 40 loss lines: {run}");
        Assert.True(losses[^1] < losses[0] / 2, $"expected the MSE to fall by half: {run}");
    }

    private static string Consumer(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", name));

    private CommandResult Run(string folder, params string[] arguments)
    {
        var result = DotnetCli.Run(folder, CommandTimeout, arguments);
        output.WriteLine(result.ToString());
        return result.EnsureSucceeded();
    }

    [GeneratedRegex(@"^loss \d+ (?<loss>[0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
