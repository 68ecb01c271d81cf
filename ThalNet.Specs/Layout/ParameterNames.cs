using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The naming rules for parameters, shared by shape inference and the name checks.</summary>
public static class ParameterNames
{
    /// <summary>The name part of a module's reader parameters (<c>vision.read.w</c>).</summary>
    public const string Reader = "read";

    /// <summary>
    /// Layer names in stack order: the kind word when the kind appears once in the stack, else the
    /// kind word and its 0-based index among layers of that kind (<c>[ff0, gru, ff1]</c>).
    /// </summary>
    public static IReadOnlyList<string> Layers(IEnumerable<LayerKind> stack)
    {
        var kinds = stack.ToList();
        var counts = kinds.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var seen = new Dictionary<LayerKind, int>();
        var names = new List<string>();
        foreach (var kind in kinds)
        {
            var word = SpecWords.LayerKind.Word(kind);
            seen.TryGetValue(kind, out var index);
            seen[kind] = index + 1;
            names.Add(counts[kind] == 1 ? word : word + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return names;
    }
}
