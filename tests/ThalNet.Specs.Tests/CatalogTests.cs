namespace ThalNet.Specs.Tests;

public class CatalogTests
{
    [Fact]
    public void Ids_are_unique_and_sequential()
    {
        var ids = SpecDiagnostics.All.Select(d => d.Id).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"THAL{i:0000}"), ids);
    }

    [Fact]
    public void Diagnostics_md_lists_every_id_with_its_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Diagnostics.md"))
            .Where(line => line.StartsWith("THAL", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (cells[0], cells[2]));

        Assert.Equal(SpecDiagnostics.All.Select(d => (d.Id, d.Severity.ToString())), rows);
    }

    [Fact]
    public void Find_returns_the_descriptor_by_id()
    {
        Assert.Same(SpecDiagnostics.CenterMismatch, SpecDiagnostics.Find("THAL0007"));
        Assert.Null(SpecDiagnostics.Find("THAL9999"));
    }
}
