using System.Globalization;
using System.Text;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// How alike the learned connectivity matrices are: the Pearson correlation of two runs' matrices (all reader-source
/// shares, flattened), for every pair of runs, grouped by how the two runs differ. Pearson rather than cosine:
/// every row of a connectivity matrix sums to 1, so all matrices share the same mean and cosine similarity would be
/// high even between unrelated matrices (an untrained, evenly spread reader included); Pearson subtracts that mean and
/// compares only which modules read which more or less than evenly, which is what "similar connectivity" means.
/// </summary>
internal static class ConnectivitySimilarity
{
    public static IReadOnlyList<string> Groups { get; } =
    [
        "same configuration, other seed",
        "same design, other reader",
        "same reader, other design",
        "other design and reader",
    ];

    public static IReadOnlyList<(string Group, double R)> Pairs(IReadOnlyList<StudyResult> results)
    {
        results = [.. results.Where(r => r.Connectivity.Length > 0)]; // the GRU baseline has no center to read
        var pairs = new List<(string, double)>();
        for (var i = 0; i < results.Count; i++)
        {
            for (var j = i + 1; j < results.Count; j++)
            {
                var (a, b) = (results[i], results[j]);
                if (a.Configuration == b.Configuration && a.Seed == b.Seed)
                {
                    continue;
                }

                if (Pearson(Flatten(a), Flatten(b)) is { } r)
                {
                    pairs.Add((GroupOf(a, b), r));
                }
            }
        }

        return pairs;
    }

    /// <summary>Null when either matrix is constant (no pattern to compare) or not finite.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        var r = sxy / Math.Sqrt(sxx * syy);
        return double.IsFinite(r) ? r : null;
    }

    public static string ToMarkdown(IReadOnlyList<(string Group, double R)> pairs)
    {
        var text = new StringBuilder("| runs compared | pairs | mean r | median r | min r | max r |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var group in Groups)
        {
            var values = pairs.Where(p => p.Group == group).Select(p => p.R).Order().ToList();
            text.Append("| ").Append(group).Append(" | ").Append(values.Count.ToString(CultureInfo.InvariantCulture));
            text.Append(values.Count == 0
                ? " | | | | |\n"
                : $" | {F(values.Average())} | {F(Statistics.Median(values))} | {F(values[0])} | {F(values[^1])} |\n");
        }

        return text.ToString();
    }

    private static string GroupOf(StudyResult a, StudyResult b) =>
        a.Configuration == b.Configuration ? Groups[0] : a.Design == b.Design ? Groups[1] : a.Reading == b.Reading ? Groups[2] : Groups[3];

    private static double[] Flatten(StudyResult result) => [.. result.Connectivity.SelectMany(row => row)];

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
