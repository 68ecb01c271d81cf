using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Parses layer strings (<c>ff 32 relu</c>, <c>gru 48</c>, <c>gru auto</c>) for both spec forms; the kinds come from <see cref="Catalog"/>.</summary>
internal static class LayerParser
{
    /// <summary>The parsed stack, or null when any layer is invalid (reported), like any unreadable value.</summary>
    public static Located<EquatableArray<LayerSpec>>? ParseAll(Located<EquatableArray<Located<string>>>? texts, DiagnosticBag diagnostics)
    {
        if (texts is not { } written)
        {
            return null;
        }

        var layers = written.Value.Select(t => Parse(t, diagnostics)).ToList();
        return layers.Contains(null) ? null : written.With(layers.OfType<LayerSpec>().ToEquatableArray());
    }

    public static LayerSpec? Parse(Located<string> text, DiagnosticBag diagnostics)
    {
        var tokens = Tokenize(text.Value);
        if (tokens.Count == 0)
        {
            return Fail("expected a layer like 'ff 32 relu' or 'gru 32'", text.ValueLocation);
        }

        var (kindWord, kindAt) = tokens[0];
        var kindLocation = TokenLocation(text, kindAt, kindWord.Length);
        if (!SpecWords.LayerKind.TryParse(kindWord, out var kind))
        {
            var suggestion = GluedSize(kindWord, text.Value, kindAt) is { } spaced
                ? $". Did you mean '{spaced}'?"
                : Suggestions.For(kindWord, SpecWords.LayerKind.Words);
            return Fail($"unknown kind '{kindWord}'{suggestion}", kindLocation);
        }

        if (tokens.Count < 2)
        {
            return Fail($"expected a size after '{kindWord}', as in '{kindWord} 32'", text.ValueLocation);
        }

        var (sizeWord, sizeAt) = tokens[1];
        var sizeLocation = TokenLocation(text, sizeAt, sizeWord.Length);
        var isAuto = sizeWord == SpecWords.AutoSize;
        var size = 0;
        if (!isAuto && !int.TryParse(sizeWord, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size))
        {
            return Fail($"the size '{sizeWord}' is not an integer or '{SpecWords.AutoSize}'", sizeLocation);
        }

        var takesActivation = Catalog.Layer(kind).TakesActivation;
        var maxTokens = takesActivation ? 3 : 2;
        if (tokens.Count > maxTokens)
        {
            var (extra, extraAt) = tokens[maxTokens];
            var detail = takesActivation ? $"unexpected '{extra}' after the activation" : $"'{kindWord}' takes no activation";
            return Fail(detail, TokenLocation(text, extraAt, extra.Length));
        }

        Located<Activation>? activation = null;
        if (tokens.Count == 3)
        {
            var (activationWord, activationAt) = tokens[2];
            var written = new Located<string>(activationWord, TokenLocation(text, activationAt, activationWord.Length));
            activation = SpecWords.Activation.Parse(written, diagnostics);
            if (activation is null)
            {
                return null;
            }
        }

        return new LayerSpec(
            new Located<LayerKind>(kind, kindLocation),
            new Located<int>(size, sizeLocation),
            activation,
            text.ValueLocation,
            isAuto);

        LayerSpec? Fail(string detail, SourceLocation location)
        {
            diagnostics.Add(SpecDiagnostics.InvalidLayer, location, text.Value, detail);
            return null;
        }
    }

    /// <summary>
    /// The layer text with a space put back between a kind and a size written together (<c>gru16</c> -> <c>gru 16</c>,
    /// <c>ff32 relu</c> -> <c>ff 32 relu</c>), or null when the word is not a kind followed by digits.
    /// </summary>
    private static string? GluedSize(string word, string text, int wordAt)
    {
        foreach (var kind in SpecWords.LayerKind.Words.OrderByDescending(k => k.Length))
        {
            var rest = word.Substring(Math.Min(kind.Length, word.Length));
            if (word.Length > kind.Length && word.StartsWith(kind, StringComparison.OrdinalIgnoreCase) && rest.All(c => c is >= '0' and <= '9'))
            {
                return text.Substring(0, wordAt) + word.Substring(0, kind.Length) + " " + text.Substring(wordAt + kind.Length);
            }
        }

        return null;
    }

    private static List<(string Token, int Index)> Tokenize(string text)
    {
        var tokens = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add((text.Substring(start, i - start), start));
        }

        return tokens;
    }

    /// <summary>
    /// The location of a token inside a written string. Exact when the value was written verbatim
    /// (a plain YAML scalar) or between one pair of quotes (a quoted scalar or C# literal without
    /// escapes); otherwise the whole value.
    /// </summary>
    private static SourceLocation TokenLocation(Located<string> text, int index, int length)
    {
        var written = text.ValueLocation;
        var quotes = written.Length - text.Value.Length;
        return quotes is 0 or 2 ? written.Slice(index + (quotes / 2), length) : written;
    }
}
