using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Builds the "Did you mean ...?" tails of diagnostic messages.</summary>
internal static class Suggestions
{
    /// <summary>Longer words get no suggestion: the edit distance costs the product of the two lengths.</summary>
    public const int MaxWordLength = 64;

    /// <summary>The longest list of expected words a message shows; more end in "...".</summary>
    public const int MaxListed = 10;

    /// <summary>". Did you mean 'x'?" for the closest candidate, else ". Expected one of: a, b" (or "" when there are none).</summary>
    public static string For(string written, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var best = Closest(written, list);
        if (best is not null)
        {
            return $". Did you mean '{best}'?";
        }

        var listed = list.Count <= MaxListed ? list : list.Take(MaxListed).Concat(["..."]);
        return list.Count == 0 ? "" : ". Expected one of: " + string.Join(", ", listed);
    }

    /// <summary>The candidate nearest by edit distance, when near enough to be a likely typo.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        if (written.Length > MaxWordLength)
        {
            return null;
        }

        var lowered = written.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            // Near enough: a third of the word at most, and never a rewrite of the whole word. The length difference
            // alone is a lower bound of the distance, so far candidates cost no distance computation.
            var nearEnough = Math.Max(1, candidate.Length / 3);
            if (candidate.Length > MaxWordLength || Math.Abs(candidate.Length - written.Length) > nearEnough)
            {
                continue;
            }

            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= nearEnough && distance < Math.Max(written.Length, candidate.Length))
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
