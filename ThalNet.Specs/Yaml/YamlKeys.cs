using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Reads a mapping's keys: each key must be a name, duplicates are reported (THAL0004) and the
/// first kept; with a fixed key set, unknown keys are reported with a suggestion (THAL0002), and a
/// key with a suggestion is then read as the suggested key.
/// </summary>
internal sealed class YamlKeys(DiagnosticBag diagnostics)
{
    /// <summary>The entries of a mapping of names (inputs, modules, outputs), first of each name.</summary>
    /// <param name="mapping">The mapping whose keys are read.</param>
    /// <param name="what">What the names are ("module"), for duplicate messages.</param>
    /// <param name="where">Where the mapping is, for messages.</param>
    public List<(Located<string> Name, YamlNode Value)> Names(YamlMapping mapping, string what, string where)
    {
        var entries = new List<(Located<string>, YamlNode)>();
        var seen = new Dictionary<string, SourceLocation>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not YamlScalar { IsNull: false } key)
            {
                diagnostics.Add(SpecDiagnostics.WrongValueType, entry.Key.Location, "a name", entry.Key.Describe());
            }
            else if (seen.TryGetValue(key.Value, out var first))
            {
                diagnostics.AddDuplicate(key.Location, what, key.Value, where, first);
            }
            else
            {
                seen.Add(key.Value, key.Location);
                entries.Add((new Located<string>(key.Value, key.Location), entry.Value));
            }
        }

        return entries;
    }

    /// <summary>The entries of a mapping with a fixed set of keys, by key.</summary>
    public Dictionary<string, (SourceLocation Key, YamlNode Value)> Fixed(YamlMapping mapping, IReadOnlyList<string> knownKeys, string where)
    {
        var entries = new Dictionary<string, (SourceLocation, YamlNode)>();
        var misspelt = new List<(string Key, SourceLocation Location, YamlNode Value)>();
        foreach (var (name, value) in Names(mapping, "key", where))
        {
            if (knownKeys.Contains(name.Value))
            {
                entries[name.Value] = (name.KeyLocation, value);
            }
            else
            {
                diagnostics.Add(SpecDiagnostics.UnknownKey, name.KeyLocation, name.Value, where, Suggestions.For(name.Value, knownKeys));
                if (Suggestions.Closest(name.Value, knownKeys) is { } meant)
                {
                    misspelt.Add((meant, name.KeyLocation, value));
                }
            }
        }

        // Recovery: a misspelt key is read as the key it most likely means, when that key is not written too, so
        // the checks after reading do not report it missing (one mistake, one error; the spec stays invalid).
        foreach (var (key, location, value) in misspelt)
        {
            if (!entries.ContainsKey(key))
            {
                entries[key] = (location, value);
            }
        }

        return entries;
    }
}
