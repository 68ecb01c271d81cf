namespace ThalNet.Generators.Tests;

/// <summary>
/// AnalyzerReleases.Shipped.md and Unshipped.md list exactly the catalog's rules with their category and
/// severity (the release-tracking analyzer cannot check descriptors built from the catalog at run time).
/// </summary>
public class ReleaseTrackingTests
{
    [Fact]
    public void Release_files_list_every_rule_of_the_catalog()
    {
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Releases", file)))
            .Where(line => line.StartsWith("THAL", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (cells[0], cells[1], cells[2]));

        Assert.Equal(SpecDiagnostics.All.Select(d => (d.Id, SpecDiagnosticDescriptor.Category, d.Severity.ToString())), rows);
    }
}
