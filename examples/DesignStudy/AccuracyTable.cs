using System.Globalization;
using System.Text;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// Final test accuracy of every configuration, designs by readers: the mean over seeds with the standard deviation
/// over seeds (± sd) when there are several; medians of the configuration means per design and per reader; the GRU
/// baseline below.
/// </summary>
internal static class AccuracyTable
{
    public static string ToMarkdown(IReadOnlyList<StudyResult> results)
    {
        var configurations = ConfigurationRuns.Of(results);
        var cells = configurations.Where(c => !c.IsBaseline).ToDictionary(c => (c.Design, c.Reading));
        var text = new StringBuilder();
        text.Append("| design \\ reading | ").AppendJoin(" | ", StudyConfiguration.Readings).Append(" | design median |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", StudyConfiguration.Readings.Count + 1))).Append('\n');
        foreach (var design in StudyConfiguration.Designs)
        {
            text.Append("| ").Append(design).Append(" | ");
            text.AppendJoin(" | ", StudyConfiguration.Readings.Select(reading => cells.TryGetValue((design, reading), out var c) ? Cell(c) : "-"));
            text.Append(" | ").Append(Median(cells.Values.Where(c => c.Design == design))).Append(" |\n");
        }

        text.Append("| reader median | ");
        text.AppendJoin(" | ", StudyConfiguration.Readings.Select(reading => Median(cells.Values.Where(c => c.Reading == reading))));
        text.Append(" | ").Append(Median(cells.Values)).Append(" |\n");
        if (configurations.FirstOrDefault(c => c.IsBaseline) is { } baseline)
        {
            text.Append($"\nGRU baseline (4 layers of {StudyBaseline.HiddenSize}, {baseline.Runs[0].Params:N0} parameters): {Cell(baseline)} over {baseline.Runs.Count} seed(s).\n");
        }

        return text.ToString();
    }

    private static string Cell(ConfigurationRuns runs) =>
        runs.Runs.Count == 1 ? Format(runs.FinalMean) : $"{Format(runs.FinalMean)} ± {Format(runs.FinalSd)}";

    private static string Median(IEnumerable<ConfigurationRuns> runs)
    {
        var means = runs.Select(r => r.FinalMean).ToList();
        return means.Count == 0 ? "-" : Format(Statistics.Median(means));
    }

    public static string Format(double accuracy) => accuracy.ToString("0.000", CultureInfo.InvariantCulture);
}
