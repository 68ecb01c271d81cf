using System.Text;
using ThalNet.Runtime.IO;

namespace ThalNet.Examples.DesignStudy;

/// <summary>Writes what the study found into its folder: figure5.svg, connectivity-similarity.svg and results.md (accuracy table, the paper's claims, connectivity).</summary>
internal static class StudyReport
{
    public static void Write(string folder, IReadOnlyList<StudyResult> results, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var pairs = ConnectivitySimilarity.Pairs(results);
        AtomicFile.WriteAllText(Path.Combine(folder, "figure5.svg"), Figure5Svg.Render(results));
        AtomicFile.WriteAllText(Path.Combine(folder, "connectivity-similarity.svg"), SimilaritySvg.Render(pairs));
        var seeds = results.Select(r => r.Seed).Distinct().Count();
        var configurations = results.Select(r => r.Configuration).Distinct().Count();
        var epochs = results.Count == 0 ? 0 : results[0].Epochs;
        var markdown = new StringBuilder()
            .Append($"# Design study: {results.Count} runs ({configurations} configurations incl. the GRU baseline when run, {seeds} seeds), {epochs} epochs\n\n")
            .Append("## Final test accuracy (mean ± sd over seeds)\n\n").Append(AccuracyTable.ToMarkdown(results))
            .Append("\n## The paper's claims\n\n").Append(FindingsTable.ToMarkdown(results, pairs))
            .Append("\n## Connectivity similarity (Pearson r of connectivity matrices)\n\n").Append(ConnectivitySimilarity.ToMarkdown(pairs))
            .ToString();
        AtomicFile.WriteAllText(Path.Combine(folder, "results.md"), markdown);
        output.WriteLine(markdown);
        output.WriteLine($"figure={Path.Combine(folder, "figure5.svg")} similarity={Path.Combine(folder, "connectivity-similarity.svg")} table={Path.Combine(folder, "results.md")}");
    }
}
