using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Builds the "Did you mean ...?" tails of diagnostic messages.</summary>
internal static class Suggestions
{
    /// <summary>". Did you mean 'x'?" for the closest candidate, else ". Expected one of: a, b" (or "" when there are none).</summary>
    public static string For(string written, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var best = Closest(written, list);
        if (best is not null)
        {
            return $". Did you mean '{best}'?";
        }

        return list.Count == 0 ? "" : ". Expected one of: " + string.Join(", ", list);
    }

    /// <summary>The candidate nearest by edit distance, when near enough to be a likely typo.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            // Near enough: a third of the word at most, and never a rewrite of the whole word.
            if (distance < bestDistance && distance <= Math.Max(1, candidate.Length / 3) && distance < Math.Max(written.Length, candidate.Length))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
