using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The spec words of one enum (e.g. <c>weight-norm</c> for <see cref="ReadingMechanism.WeightNorm"/>).</summary>
public sealed class WordTable<T>
    where T : struct, Enum
{
    private readonly (string Word, T Value)[] _entries;

    internal WordTable(string noun, SpecDiagnosticDescriptor? unknownWord, params (string Word, T Value)[] entries)
    {
        Noun = noun;
        UnknownWord = unknownWord;
        _entries = entries;
    }

    /// <summary>What the words name, for messages ("reading mechanism").</summary>
    public string Noun { get; }

    /// <summary>Every word of the table, in table order.</summary>
    public IEnumerable<string> Words => _entries.Select(e => e.Word);

    /// <summary>Null where the word is part of a larger syntax that reports its own errors (layer kinds).</summary>
    internal SpecDiagnosticDescriptor? UnknownWord { get; }

    /// <summary>The spec word of <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">When the value has no word (a value added to the enum but not to the
    /// table).</exception>
    public string Word(T value) => _entries.First(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Word;

    /// <summary>Finds the value of a spec word (case-sensitive, as specs are).</summary>
    /// <returns>Whether <paramref name="word"/> is one of <see cref="Words"/>.</returns>
    public bool TryParse(string word, out T value)
    {
        foreach (var entry in _entries)
        {
            if (entry.Word == word)
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a written word, reporting an unknown one (with a suggestion) at its value location.</summary>
    internal Located<T>? Parse(Located<string>? written, DiagnosticBag diagnostics)
    {
        if (written is not { } text)
        {
            return null;
        }

        if (TryParse(text.Value, out var value))
        {
            return text.With(value);
        }

        if (UnknownWord is { } descriptor)
        {
            diagnostics.Add(descriptor, text.ValueLocation, Noun, text.Value, Suggestions.For(text.Value, Words));
        }

        return null;
    }
}
