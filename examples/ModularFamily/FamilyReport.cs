using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.IO;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// Writes what the comparison found into its folder: results.md (the table of final test accuracies and the
/// competing modules' shares of active steps), curves-TASK.svg (test accuracy over epochs, mean and range over seeds)
/// and activity-TASK.svg (which modules updated on one test example, for the lowest seed of the competing model).
/// </summary>
internal static class FamilyReport
{
    public static void Write(string folder, IReadOnlyList<FamilyResult> results, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var groups = FamilyRuns.Of(results);
        var figures = new List<string>();
        foreach (var task in FamilyTasks.Names.Where(t => groups.Any(g => g.Task == t)))
        {
            var curves = Path.Combine(folder, $"curves-{task}.svg");
            AtomicFile.WriteAllText(curves, LineChartSvg.Render(Chart(task, groups.Where(g => g.Task == task))));
            figures.Add(curves);
            if (results.Where(r => r.Task == task && r.Activity is not null).OrderBy(r => r.Seed).FirstOrDefault() is { Activity: { } activity } traced)
            {
                var strip = Path.Combine(folder, $"activity-{task}.svg");
                var title = $"{task}: modules updated on test example {activity.Example} ({traced.Model}, {activity.Active} of {activity.Modules.Length} active, seed {traced.Seed})";
                AtomicFile.WriteAllText(strip, ActivityStripSvg.Render(activity.ToTrace(), title));
                figures.Add(strip);
            }
        }

        var markdown = FamilyTable.ToMarkdown(results);
        AtomicFile.WriteAllText(Path.Combine(folder, "results.md"), markdown);
        output.WriteLine(markdown);
        output.WriteLine($"table={Path.Combine(folder, "results.md")} figures={string.Join(",", figures)}");
    }

    private static LineChart Chart(string task, IEnumerable<FamilyRuns> groups)
    {
        var series = new List<ChartSeries>();
        foreach (var group in groups)
        {
            var hue = FamilyModel.Names.ToList().IndexOf(group.Model);
            var curve = group.Curve;
            series.Add(new ChartSeries(group.Model, Points(curve.Select(c => c.Mean))) { Hue = hue });
            if (group.Runs.Count > 1)
            {
                series.Add(new ChartSeries($"{group.Model} min", Points(curve.Select(c => c.Min))) { Hue = hue, Dashed = true });
                series.Add(new ChartSeries($"{group.Model} max", Points(curve.Select(c => c.Max))) { Hue = hue, Dashed = true });
            }
        }

        var seeds = groups.Select(g => g.Runs.Count).DefaultIfEmpty(0).Max();
        return new LineChart($"{task}: test accuracy over epochs (mean over {seeds} seed(s), dashed: min and max)", "epoch", "test accuracy", series);
    }

    private static IReadOnlyList<(double X, double Y)> Points(IEnumerable<double> values) => [.. values.Select((v, e) => ((double)(e + 1), v))];
}
