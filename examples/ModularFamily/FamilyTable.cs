using System.Globalization;
using System.Text;

namespace ThalNet.Examples.ModularFamily;

/// <summary>The table of final test accuracies, and the competing modules' shares of active sub-steps.</summary>
internal static class FamilyTable
{
    public static string ToMarkdown(IReadOnlyList<FamilyResult> results)
    {
        var groups = FamilyRuns.Of(results);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# The modular-recurrent family: {results.Count} runs\n\n");
        var training = string.Join(", ", results.Select(r => FormattableString.Invariant($"{r.Optimizer} at learning rate {r.LearningRate}")).Distinct());
        text.Append(CultureInfo.InvariantCulture, $"Trained with {training}, batch 50. Final test accuracy (after the last epoch): mean and range over seeds. The copying task is scored on its 10 answer steps only.\n\n");
        text.Append("| task | model | seeds | auto size | params | epochs | train / test | accuracy: mean | min - max | seconds per run |\n");
        text.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var g in groups)
        {
            var first = g.Runs[0];
            var task = first.Delay > 0 ? $"{g.Task} (delay {first.Delay})" : g.Task;
            text.Append(CultureInfo.InvariantCulture, $"| {task} | {g.Model} | {g.Runs.Count} | {first.AutoSize} | {first.Params:N0} | {g.Epochs} | {first.TrainExamples:N0} / {first.TestExamples:N0} | {F(g.FinalMean)} | {F(g.FinalMin)} - {F(g.FinalMax)} | {g.Runs.Average(r => r.Seconds):0} |\n");
        }

        var traced = results.Where(r => r.Activity is not null).ToList();
        if (traced.Count > 0)
        {
            text.Append("\nShare of active sub-steps per module over test data (competing model; mean over seeds, min - max):\n\n");
            foreach (var task in traced.GroupBy(r => r.Task))
            {
                var modules = task.First().Activity!.Modules;
                text.Append(CultureInfo.InvariantCulture, $"| {task.Key} | ").AppendJoin(" | ", modules).Append(" |\n");
                text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", modules.Length))).Append('\n');
                text.Append("| share | ").AppendJoin(" | ", modules.Select((_, m) => Share(task.Select(r => r.Activity!.Shares[m])))).Append(" |\n\n");
            }
        }

        return text.ToString();
    }

    private static string Share(IEnumerable<double> shares)
    {
        var values = shares.ToList();
        return $"{F(values.Average())} ({F(values.Min())} - {F(values.Max())})";
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
