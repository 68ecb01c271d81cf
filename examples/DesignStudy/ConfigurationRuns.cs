namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// The seeds of one configuration (or of the GRU baseline) taken together: the mean test accuracy after each epoch
/// and the spread of the final accuracies. Figure and tables compare configurations by these means, so each
/// configuration counts once however many seeds it has.
/// </summary>
internal sealed record ConfigurationRuns(string Design, string Reading, IReadOnlyList<StudyResult> Runs)
{
    public bool IsBaseline => Design == StudyBaseline.Design;

    /// <summary>Epochs that every seed has.</summary>
    public int Epochs => Runs.Min(r => r.TestAccuracy.Length);

    /// <summary>Mean over seeds of the test accuracy after each epoch.</summary>
    public double[] MeanCurve => [.. Enumerable.Range(0, Epochs).Select(e => Runs.Average(r => r.TestAccuracy[e]))];

    public IReadOnlyList<double> Finals => [.. Runs.Select(r => r.FinalAccuracy)];

    public double FinalMean => Finals.Average();

    /// <summary>Sample standard deviation of the final accuracies over seeds (0 with one seed).</summary>
    public double FinalSd => Statistics.SampleSd(Finals);

    /// <summary>Mean over seeds of the mean absolute change of test accuracy from one epoch to the next in the second half of training.</summary>
    public double LateFluctuation => Runs.Average(r => Statistics.LateFluctuation(r.TestAccuracy));

    /// <summary>The runs grouped by configuration, designs then readers in the study's order, the baseline last.</summary>
    public static IReadOnlyList<ConfigurationRuns> Of(IEnumerable<StudyResult> results) =>
        [.. results.GroupBy(r => (r.Design, r.Reading))
            .Select(g => new ConfigurationRuns(g.Key.Design, g.Key.Reading, [.. g.OrderBy(r => r.Seed)]))
            .OrderBy(c => c.IsBaseline ? int.MaxValue : Order(StudyConfiguration.Designs, c.Design) * 10 + Order(StudyConfiguration.Readings, c.Reading))];

    private static int Order(IReadOnlyList<string> names, string name) => names.Contains(name) ? names.ToList().IndexOf(name) : names.Count;
}

/// <summary>The few statistics the study's tables need.</summary>
internal static class Statistics
{
    public static double SampleSd(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>Mean absolute change of accuracy from one epoch to the next over the second half of training (0 with one epoch).</summary>
    public static double LateFluctuation(IReadOnlyList<double> accuracy)
    {
        var from = Math.Max(1, accuracy.Count / 2);
        return from >= accuracy.Count ? 0 : Enumerable.Range(from, accuracy.Count - from).Average(e => Math.Abs(accuracy[e] - accuracy[e - 1]));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
