using System.Text.RegularExpressions;

namespace ThalNet.Generators.Tests.Fuzz;

/// <summary>
/// Rewrites a spec as the YAML documents a user might write it in: with <c>---</c> and <c>...</c> markers, a second
/// document, anchors and aliases, merge keys (<c>&lt;&lt;</c>), or nothing but markers. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed partial class YamlDocumentMutator(Random random)
{
    private delegate string Form(string text);

    public string Mutate(string text)
    {
        Form[] forms = [StartMarker, EndMarker, BothMarkers, SecondDocument, Anchors, MergeKey, OnlyMarkers, CommentedMarker, AnchoredValue, EmptySecondDocument];
        var count = random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            text = forms[random.Next(forms.Length)](text);
        }

        return text;
    }

    private string StartMarker(string text) => "---\n" + text;

    private string EndMarker(string text) => text.TrimEnd('\n') + "\n...\n";

    private string BothMarkers(string text) => "--- \n" + text.TrimEnd('\n') + "\n..." + (random.Next(2) == 0 ? "\n" : "");

    private string CommentedMarker(string text) => "--- # the spec\n" + text;

    private string SecondDocument(string text) => text.TrimEnd('\n') + (random.Next(2) == 0 ? "\n---\n" : "\n...\n---\n") + text;

    private string EmptySecondDocument(string text) => text.TrimEnd('\n') + "\n---\n";

    private string OnlyMarkers(string text) => random.Next(4) switch
    {
        0 => "---",
        1 => "---\n...",
        2 => "...\n",
        _ => "--- |\n  " + text.Replace("\n", "\n  ", StringComparison.Ordinal),
    };

    /// <summary>The first module's mapping gets an anchor, and another module its alias (its whole value).</summary>
    private string Anchors(string text)
    {
        var modules = ModuleLine().Matches(text);
        if (modules.Count < 2)
        {
            return text;
        }

        var first = modules[0];
        var other = modules[random.Next(1, modules.Count)];
        var insert = first.Index + first.Length;
        text = text.Insert(insert, " &m");
        var end = LineEnd(text, other.Index + 3);
        return text.Insert(end, " *m");
    }

    /// <summary>A merge key pulling the defaults (anchored) into a module, beside or instead of its own keys.</summary>
    private string MergeKey(string text)
    {
        var defaults = DefaultsLine().Match(text);
        var modules = ModuleLine().Matches(text);
        if (modules.Count == 0)
        {
            return text;
        }

        var chosen = random.Next(modules.Count);
        if (!defaults.Success)
        {
            return text.Insert(LineEnd(text, modules[chosen].Index) + 1, "    <<: { context: 8 }\n");
        }

        text = text.Insert(defaults.Index + defaults.Length, " &d");
        var module = ModuleLine().Matches(text)[chosen];
        return text.Insert(LineEnd(text, module.Index) + 1, "    <<: *d\n");
    }

    /// <summary>A scalar value anchored once and aliased elsewhere (a size or a reading mechanism).</summary>
    private string AnchoredValue(string text)
    {
        var values = ScalarValue().Matches(text);
        if (values.Count < 2)
        {
            return text;
        }

        var first = values[random.Next(values.Count)];
        var second = values[random.Next(values.Count)];
        if (first.Index == second.Index)
        {
            return text;
        }

        var (a, b) = first.Index < second.Index ? (first, second) : (second, first);
        text = text.Remove(b.Groups[1].Index, b.Groups[1].Length).Insert(b.Groups[1].Index, "*v");
        return text.Insert(a.Groups[1].Index, "&v ");
    }

    private static int LineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    /// <summary>A module's name line under <c>modules:</c>, two spaces in: <c>  vision:</c>.</summary>
    [GeneratedRegex(@"(?m)^  [A-Za-z][\w-]*:(?=[ \t]*$)")]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"(?m)^defaults:")]
    private static partial Regex DefaultsLine();

    /// <summary>A block scalar value after a key (<c>    reading: linear</c>).</summary>
    [GeneratedRegex(@"(?m)^ +[a-z]+: ([\w-]+)[ \t]*$")]
    private static partial Regex ScalarValue();
}
