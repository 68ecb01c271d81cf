using System.Globalization;
using System.Text;

namespace ThalNet.Examples.DesignStudy;

/// <summary>Final test accuracy of every configuration (mean over seeds, with the range when there are several), designs by readers.</summary>
internal static class AccuracyTable
{
    public static string ToMarkdown(IReadOnlyList<StudyResult> results)
    {
        var text = new StringBuilder();
        text.Append("| design \\ reading | ").AppendJoin(" | ", StudyConfiguration.Readings).Append(" | design median |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", StudyConfiguration.Readings.Count + 1))).Append('\n');
        foreach (var design in StudyConfiguration.Designs)
        {
            text.Append("| ").Append(design).Append(" | ");
            text.AppendJoin(" | ", StudyConfiguration.Readings.Select(reading => Cell(results.Where(r => r.Design == design && r.Reading == reading))));
            text.Append(" | ").Append(Median(results.Where(r => r.Design == design))).Append(" |\n");
        }

        text.Append("| reader median | ");
        text.AppendJoin(" | ", StudyConfiguration.Readings.Select(reading => Median(results.Where(r => r.Reading == reading))));
        text.Append(" | ").Append(Median(results)).Append(" |\n");
        return text.ToString();
    }

    private static string Cell(IEnumerable<StudyResult> runs)
    {
        var finals = runs.Select(r => r.FinalAccuracy).Order().ToList();
        return finals.Count switch
        {
            0 => "-",
            1 => Format(finals[0]),
            _ => $"{Format(finals.Average())} ({Format(finals[0])}-{Format(finals[^1])})",
        };
    }

    private static string Median(IEnumerable<StudyResult> runs)
    {
        var finals = runs.Select(r => r.FinalAccuracy).Order().ToList();
        return finals.Count == 0 ? "-" : Format(Figure5Svg.Median(finals));
    }

    private static string Format(double accuracy) => accuracy.ToString("0.000", CultureInfo.InvariantCulture);
}
