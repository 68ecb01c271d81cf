using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Training;

/// <summary>
/// How a checkpoint holds a language model's recurrent state between segments, whatever backend carries it: one
/// tensor <c>state.{name}</c> of [streams, width] per state name, all streams' rows together.
/// </summary>
public static class CarriedStateTensors
{
    /// <summary>The prefix of carried-state tensors in a checkpoint.</summary>
    public const string Prefix = "state.";

    /// <summary>Describes what in <paramref name="file"/> does not fit states of these names and widths for <paramref name="streams"/> streams (nothing when all fits).</summary>
    public static IEnumerable<string> Problems(SafeTensorsFile file, IReadOnlyList<string> names, int streams, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(widths);
        for (var i = 0; i < names.Count; i++)
        {
            var name = Prefix + names[i];
            if (!file.TryGetTensor(name, out var entry))
            {
                yield return $"the recurrent state '{name}' is missing";
            }
            else if (entry.Shape is not [var rows, var width] || rows != streams || width != widths[i])
            {
                yield return $"the recurrent state '{name}' has shape [{string.Join(", ", entry.Shape)}] but this run carries [{streams}, {widths[i]}]";
            }
        }
    }
}
