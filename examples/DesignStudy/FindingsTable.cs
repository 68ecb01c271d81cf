using System.Globalization;
using System.Text;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// The paper's conclusions from Figure 5, each measured on the logged runs. A claim's statistic is computed once per
/// seed (the configurations of one seed compared with each other, so seed s of one configuration is paired with seed
/// s of another) and the verdict asks whether the spread over seeds supports it: <i>reproduced</i> when every seed
/// agrees with the claim and the mean is more than twice its standard error from zero (for "about equal" claims: the
/// mean plus twice its standard error is within one accuracy point); <i>not reproduced</i> when every seed disagrees
/// by that margin; otherwise <i>not separable at N seeds</i>.
/// </summary>
internal static class FindingsTable
{
    private const double EqualWithin = 0.01;

    private static readonly string[] Recurrent = ["GRU", "FF-GRU", "GRU-FF", "FF-GRU-FF"];

    public static string ToMarkdown(IReadOnlyList<StudyResult> results, IReadOnlyList<(string Group, double R)> similarity)
    {
        var seeds = results.Select(r => r.Seed).Distinct().Order().ToList();
        var thalNet = results.Where(r => r.Design != StudyBaseline.Design).ToList();
        var text = new StringBuilder("| claim (paper) | statistic (per seed: positive supports the claim) | per seed | mean ± sd | verdict |\n| --- | --- | --- | --- | --- |\n");

        Row(text, "Recurrent modules learn faster than feed-forward ones", "accuracy after epoch 1: recurrent designs minus FF (means over the readers all designs have)",
            PerSeed(seeds, thalNet, run => Mean(run, Recurrent, CommonReaders(run), r => Epoch(r, 1)) - Mean(run, ["FF"], CommonReaders(run), r => Epoch(r, 1))), false);
        Row(text, "Recurrent modules train more stably than feed-forward ones", "mean absolute change of accuracy per epoch over the second half: FF minus recurrent (same readers)",
            PerSeed(seeds, thalNet, run => Mean(run, ["FF"], CommonReaders(run), Fluctuation) - Mean(run, Recurrent, CommonReaders(run), Fluctuation)), false);
        Row(text, "An FF layer before the GRU helps", "final accuracy: FF-GRU minus GRU (mean over readers)",
            PerSeed(seeds, thalNet, run => MeanDifference(run, "FF-GRU", "GRU")), false);
        Row(text, "FF-GRU-FF does about as well as FF-GRU (with a smaller center)", "final accuracy: FF-GRU-FF minus FF-GRU (mean over readers); about equal within one point",
            PerSeed(seeds, thalNet, run => MeanDifference(run, "FF-GRU-FF", "FF-GRU")), true);
        Row(text, "Weight normalisation is the best reader", "final accuracy: weight-norm minus the best other reader (means over the designs that have every reader run)",
            PerSeed(seeds, thalNet, run => StudyConfiguration.Readings.Where(r => r != "weight-norm")
                .Select(other => Mean(run, CompleteDesigns(run), ["weight-norm"], Final) - Mean(run, CompleteDesigns(run), [other], Final)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min()), false);
        Row(text, "Weight normalisation is the most stable reader", "mean absolute change of accuracy per epoch over the second half: the most stable other reader's minus weight-norm's (same designs)",
            PerSeed(seeds, thalNet, run => StudyConfiguration.Readings.Where(r => r != "weight-norm")
                .Select(other => Mean(run, CompleteDesigns(run), [other], Fluctuation) - Mean(run, CompleteDesigns(run), ["weight-norm"], Fluctuation)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min()), false);
        Row(text, "The reading mechanism matters less than the module design", "final accuracy: range of the design means (readers all designs have) minus range of the reader means (designs that have every reader run)",
            PerSeed(seeds, thalNet, run => Range(StudyConfiguration.Designs.Select(d => Mean(run, [d], CommonReaders(run), Final)))
                - Range(StudyConfiguration.Readings.Select(r => Mean(run, CompleteDesigns(run), [r], Final)))), false);
        BaselineRow(text, seeds, results);
        SimilarityRow(text, similarity);
        return text.ToString();
    }

    /// <summary>One seed's run of a configuration, or null when that seed has none.</summary>
    private delegate StudyResult? SeedRuns(string design, string reading);

    /// <summary>The statistic of each seed that has the runs it needs (seeds where it is not finite are left out).</summary>
    private static List<double> PerSeed(IReadOnlyList<ulong> seeds, IReadOnlyList<StudyResult> results, Func<SeedRuns, double> statistic)
    {
        var values = new List<double>();
        foreach (var seed in seeds)
        {
            var runs = results.Where(r => r.Seed == seed).GroupBy(r => (r.Design, r.Reading)).ToDictionary(g => g.Key, g => g.Last());
            var value = statistic((design, reading) => runs.GetValueOrDefault((design, reading)));
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Mean of <paramref name="value"/> over the runs of these designs and readers that the seed has (NaN if none).</summary>
    private static double Mean(SeedRuns run, IEnumerable<string> designs, IEnumerable<string> readings, Func<StudyResult, double> value)
    {
        var values = designs.SelectMany(d => readings.Select(r => run(d, r))).OfType<StudyResult>().Select(value).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    /// <summary>
    /// The readers that every design with runs in this seed has: designs are compared on these only, so that a
    /// design run with more readers is not favoured or penalised by the extra ones.
    /// </summary>
    private static IReadOnlyList<string> CommonReaders(SeedRuns run)
    {
        var designs = StudyConfiguration.Designs.Where(d => StudyConfiguration.Readings.Any(r => run(d, r) is not null)).ToList();
        return [.. StudyConfiguration.Readings.Where(r => designs.All(d => run(d, r) is not null))];
    }

    /// <summary>
    /// The designs that have every reader that has runs in this seed: readers are compared on these only, so that a
    /// reader run on more designs is not favoured or penalised by the extra ones.
    /// </summary>
    private static IReadOnlyList<string> CompleteDesigns(SeedRuns run)
    {
        var readers = StudyConfiguration.Readings.Where(r => StudyConfiguration.Designs.Any(d => run(d, r) is not null)).ToList();
        return [.. StudyConfiguration.Designs.Where(d => readers.All(r => run(d, r) is not null))];
    }

    /// <summary>Mean over the readers that both designs have of the final accuracy of <paramref name="a"/> minus <paramref name="b"/>.</summary>
    private static double MeanDifference(SeedRuns run, string a, string b)
    {
        var differences = StudyConfiguration.Readings
            .Select(r => (A: run(a, r), B: run(b, r)))
            .Where(p => p.A is not null && p.B is not null)
            .Select(p => p.A!.FinalAccuracy - p.B!.FinalAccuracy)
            .ToList();
        return differences.Count == 0 ? double.NaN : differences.Average();
    }

    private static double Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count < 2 ? double.NaN : finite.Max() - finite.Min();
    }

    private static double Epoch(StudyResult run, int epoch) => run.TestAccuracy.Length >= epoch ? run.TestAccuracy[epoch - 1] : double.NaN;

    private static double Final(StudyResult run) => run.FinalAccuracy;

    private static double Fluctuation(StudyResult run) => Statistics.LateFluctuation(run.TestAccuracy);

    private static void BaselineRow(StringBuilder text, IReadOnlyList<ulong> seeds, IReadOnlyList<StudyResult> results)
    {
        var values = PerSeed(seeds, results, run =>
        {
            if (run(StudyBaseline.Design, StudyBaseline.Reading) is not { } baseline)
            {
                return double.NaN;
            }

            var finals = StudyConfiguration.All.Select(c => run(c.Design, c.Reading)).OfType<StudyResult>().Select(r => r.FinalAccuracy).ToList();
            return finals.Count == 0 ? double.NaN : finals.Count(a => a > baseline.FinalAccuracy) / (double)finals.Count - 0.5;
        });
        var configurations = ConfigurationRuns.Of(results);
        var baselineMean = configurations.FirstOrDefault(c => c.IsBaseline)?.FinalMean;
        var thalNet = configurations.Where(c => !c.IsBaseline).ToList();
        var count = baselineMean is null ? "" : $" (seed means: {thalNet.Count(c => c.FinalMean > baselineMean)} of {thalNet.Count} configurations above the baseline's {AccuracyTable.Format(baselineMean.Value)})";
        Row(text, "ThalNet beats the stacked GRU in most configurations", "share of configurations whose final accuracy is above the baseline's, minus one half" + count, values, false);
    }

    private static void SimilarityRow(StringBuilder text, IReadOnlyList<(string Group, double R)> pairs)
    {
        double? MeanR(string group) => pairs.Where(p => p.Group == group).Select(p => p.R).DefaultIfEmpty(double.NaN).Average() is var r && double.IsFinite(r) ? r : null;
        var same = MeanR(ConnectivitySimilarity.Groups[0]);
        var other = MeanR(ConnectivitySimilarity.Groups[^1]);
        var verdict = other is null ? "no pairs"
            : other >= 0.5 ? "reproduced"
            : other < 0.2 ? "not reproduced"
            : "partly (0.2 <= r < 0.5)";
        text.Append("| Similar connectivity is learned for the same task | mean Pearson r of connectivity matrices: same configuration, other seed; other design and reader (reproduced at r >= 0.5, not at r < 0.2) | ")
            .Append(same is null ? "-" : F(same.Value)).Append("; ").Append(other is null ? "-" : F(other.Value)).Append(" | | ").Append(verdict).Append(" |\n");
    }

    private static void Row(StringBuilder text, string claim, string statistic, List<double> values, bool aboutEqual)
    {
        text.Append("| ").Append(claim).Append(" | ").Append(statistic).Append(" | ")
            .AppendJoin(", ", values.Select(F)).Append(" | ")
            .Append(values.Count == 0 ? "-" : $"{F(values.Average())} ± {Statistics.SampleSd(values).ToString("0.000", CultureInfo.InvariantCulture)}").Append(" | ")
            .Append(Verdict(values, aboutEqual)).Append(" |\n");
    }

    public static string Verdict(IReadOnlyList<double> values, bool aboutEqual)
    {
        if (values.Count < 2)
        {
            return values.Count == 0 ? "no runs" : "one seed: not separable";
        }

        var mean = values.Average();
        var margin = 2 * Statistics.SampleSd(values) / Math.Sqrt(values.Count);
        if (aboutEqual)
        {
            return Math.Abs(mean) + margin <= EqualWithin ? "reproduced"
                : (values.All(v => v > EqualWithin) || values.All(v => v < -EqualWithin)) && Math.Abs(mean) - margin > EqualWithin ? "not reproduced"
                : $"not separable at {values.Count} seeds";
        }

        return values.All(v => v > 0) && mean > margin ? "reproduced"
            : values.All(v => v < 0) && -mean > margin ? "not reproduced"
            : $"not separable at {values.Count} seeds";
    }

    private static string F(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
