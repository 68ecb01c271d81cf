using System.Globalization;
using System.Text.RegularExpressions;

namespace ThalNet.Generators.Tests.Fuzz;

/// <summary>
/// Damages spec files the way a hostile but fair user would: names become keywords, generated names, unicode,
/// empty or very long; numbers become huge, negative, beyond float or beyond int; words, keys and layer stacks
/// change; lines and characters move. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed partial class SpecMutator(Random random)
{
    /// <summary>Words of the spec language, which are not names.</summary>
    private static readonly HashSet<string> Vocabulary =
    [
        "model", "namespace", "inputs", "substeps", "center", "budget", "defaults", "modules", "reading", "context",
        "layers", "role", "outputs", "size", "tokens", "loss", "at", "weight", "input", "side", "output", "linear",
        "weight-norm", "fast-softmax", "fast-gaussian", "ff", "gru", "relu", "tanh", "sigmoid", "none", "cross-entropy",
        "last", "every",
    ];

    private static readonly string[] Keys = ["model", "namespace", "inputs", "substeps", "center", "budget", "defaults", "modules", "reading", "context", "layers", "role", "outputs", "size", "tokens", "loss", "at", "weight"];

    private static readonly string[] Words = ["linear", "weight-norm", "fast-softmax", "fast-gaussian", "input", "side", "output", "relu", "tanh", "sigmoid", "none", "last", "every", "cross-entropy", "gru", "ff", "mse"];

    /// <summary>Names the generated code or the runtime uses, which a spec name may meet.</summary>
    private static readonly string[] TakenNames =
    [
        "Tensor", "Module", "ThalNetModel", "Parameter", "System", "ThalNet", "Runtime", "Consumer", "App", "Layout", "Info", "Read",
        "Ff", "Gru", "State", "Inputs", "Outputs", "Step", "Forward", "Center", "CenterSize", "ParameterCount", "Substeps",
        "substep", "values", "center", "tape", "lastStep", "state", "random", "batch", "steps", "step", "outputs", "inputs",
        "VisionModule", "aContext", "aFeatures", "Object", "String", "GeneratedCode", "Zeros", "TensorNames", "Initialize",
        "Equals", "GetType", "ToString", "Dispose", "Item", "Length", "Count", "Span", "Array", "Math", "Linear", "Reader",
    ];

    private static readonly string[] Unicode = ["ä", "名前", "Ωmega", "e\u0301", "x\u200By", "\U0001F600", "Ａ", "İ", "ǅ", "x\u00A0y"];

    private static readonly string[] OddNames = ["\"\"", "''", "_", "_x", "x_", "a-b", "a__b", "A_B", "-a", "a-", "1a", "a.b", "\"a b\"", "@x", "x$", "\"\\t\"", "~", "a_1", "A1", "a--b"];

    private static readonly string[] OddNamespaces = ["A.var", "var.A", "A..B", ".A", "A.", "A.nameof", "global.A", "A.global", "System", "ThalNet", "A.Tensor", "A.@B", "A._", "A.B.C.D.E.F.G.H", "\"\""];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2", "3", "5", "7", "64", "100000", "2147483647", "2147483648", "-2147483648", "46341", "65536",
        "1e39", "3.4028235e38", "3.5e38", "1e300", "-0.0", "1e-50", ".nan", ".inf", "-.inf", "0x10", "1_000", "0.5", "007",
        "+3", "99999999999999999999", "1.5", "2.0", "0.0",
    ];

    private static readonly int[] Lengths = [CSharpNames.MaxNameLength - 1, CSharpNames.MaxNameLength, CSharpNames.MaxNameLength + 1, 300, 1000, 1100];

    private delegate string Mutation(string text);

    /// <summary>One to three random mutations, after dropping the checks of sizes (<c>center</c>, <c>budget</c>) half the time, so most specs still generate code.</summary>
    public string Mutate(string text)
    {
        if (random.Next(2) == 0)
        {
            text = string.Join("\n", text.Split('\n').Where(line => !line.StartsWith("center:", StringComparison.Ordinal) && !line.StartsWith("budget:", StringComparison.Ordinal)));
        }

        Mutation[] mutations = [RenameName, RenameName, ReplaceNumber, ReplaceNumber, ReplaceWord, ReplaceLayers, ChangeKey, AddModules, SetSubsteps, AddWeight, Damage];
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = mutations[random.Next(mutations.Length)](text);
        }

        return text;
    }

    /// <summary>One random edit: delete, duplicate or swap lines, or delete or insert characters YAML cares about.</summary>
    public string Damage(string text)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                lines.RemoveAt(line);
                return string.Join("\n", lines);
            case 1:
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            case 2:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join("\n", lines);
            case 3:
                var start = random.Next(text.Length);
                return text.Remove(start, Math.Min(random.Next(1, 6), text.Length - start));
            default:
                const string characters = ":{}[],-#&*!|>'\"% \t0123456789abcxyz";
                return text.Insert(random.Next(text.Length + 1), characters[random.Next(characters.Length)].ToString());
        }
    }

    /// <summary>Renames a model, namespace, input, module or output: everywhere it occurs (consistent) or in one place.</summary>
    private string RenameName(string text)
    {
        var names = NameToken().Matches(text).Where(m => !Vocabulary.Contains(m.Value) && !IsComment(text, m.Index)).ToList();
        if (names.Count == 0)
        {
            return text;
        }

        var chosen = names[random.Next(names.Count)];
        var replacement = chosen.Value.Contains('.', StringComparison.Ordinal) ? NastyNamespace() : NastyName(names.Select(n => n.Value).ToList());
        if (random.Next(4) == 0)
        {
            return text.Remove(chosen.Index, chosen.Length).Insert(chosen.Index, replacement);
        }

        return Regex.Replace(text, $@"(?<![\w.-]){Regex.Escape(chosen.Value)}(?![\w.-])", _ => replacement);
    }

    private string NastyName(List<string> others)
    {
        switch (random.Next(8))
        {
            case 0:
                return Pick(CSharpKeywords.Reserved.Concat(CSharpKeywords.Contextual).ToArray());
            case 1:
                var keyword = Pick(CSharpKeywords.Contextual.ToArray());
                return char.ToUpperInvariant(keyword[0]) + keyword[1..];
            case 2:
                return Pick(TakenNames);
            case 3:
                return Pick(Unicode);
            case 4:
                return new string('n', Pick(Lengths));
            case 5:
                return Pick(OddNames);
            case 6:
                // Another name of the spec in another case, or with a suffix the generator adds.
                var other = Pick(others.ToArray());
                return random.Next(3) switch
                {
                    0 => other.ToUpperInvariant(),
                    1 => other + Pick(["Module", "Context", "Features", "State", "Offset", "Size", "_", "-1"]),
                    _ => other.Replace("-", "_", StringComparison.Ordinal),
                };
            default:
                return "n" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        }
    }

    private string NastyNamespace() => random.Next(4) switch
    {
        0 => Pick(OddNamespaces),
        1 => "A." + Pick(CSharpKeywords.Reserved.Concat(CSharpKeywords.Contextual).ToArray()),
        2 => string.Join(".", Enumerable.Range(0, random.Next(1, 7)).Select(_ => new string('N', Pick(Lengths)))),
        _ => "A." + Pick(TakenNames),
    };

    private string ReplaceNumber(string text)
    {
        var numbers = NumberToken().Matches(text).Where(m => !IsComment(text, m.Index)).ToList();
        if (numbers.Count == 0)
        {
            return text;
        }

        var chosen = numbers[random.Next(numbers.Count)];
        return text.Remove(chosen.Index, chosen.Length).Insert(chosen.Index, Pick(Numbers));
    }

    private string ReplaceWord(string text)
    {
        var words = NameToken().Matches(text).Where(m => Words.Contains(m.Value) && !IsComment(text, m.Index)).ToList();
        if (words.Count == 0)
        {
            return text;
        }

        var chosen = words[random.Next(words.Count)];
        var replacement = random.Next(5) == 0 ? chosen.Value + Pick(["x", "-", "s", "16"]) : Pick(Words);
        return text.Remove(chosen.Index, chosen.Length).Insert(chosen.Index, replacement);
    }

    /// <summary>A new layer stack in place of one, or added to a module written in flow style.</summary>
    private string ReplaceLayers(string text)
    {
        var stack = string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Layer()));
        var lists = LayerList().Matches(text).ToList();
        if (lists.Count > 0 && random.Next(3) > 0)
        {
            var chosen = lists[random.Next(lists.Count)];
            return text.Remove(chosen.Index, chosen.Length).Insert(chosen.Index, $"layers: [{stack}]");
        }

        var flow = FlowModule().Matches(text).ToList();
        if (flow.Count == 0)
        {
            return text;
        }

        var module = flow[random.Next(flow.Count)];
        return text.Insert(module.Index + module.Length - 1, $", layers: [{stack}]");
    }

    private string Layer() => random.Next(3) switch
    {
        0 => $"gru {Size()}",
        1 => $"ff {Size()}",
        _ => $"ff {Size()} {Pick(["relu", "tanh", "sigmoid", "none"])}",
    };

    private string Size() => random.Next(10) == 0 ? Pick(Numbers) : random.Next(1, 48).ToString(CultureInfo.InvariantCulture);

    private string ChangeKey(string text)
    {
        var keys = KeyToken().Matches(text).Where(m => Keys.Contains(m.Groups[1].Value)).ToList();
        if (keys.Count == 0)
        {
            return text;
        }

        var chosen = keys[random.Next(keys.Count)].Groups[1];
        var replacement = random.Next(3) switch
        {
            0 => Pick(Keys),
            1 => chosen.Value[..^1],
            _ => chosen.Value.ToUpperInvariant(),
        };
        return text.Remove(chosen.Index, chosen.Length).Insert(chosen.Index, replacement);
    }

    /// <summary>Side modules (and sometimes an output module) after the <c>modules:</c> line.</summary>
    private string AddModules(string text)
    {
        var at = text.IndexOf("modules:\n", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var modules = Enumerable.Range(0, random.Next(1, 4))
            .Select(i => random.Next(8) == 0
                ? $"  extra{i}: {{ role: output, outputs: {{ o{i}: {{ size: {Size()}, at: {Pick(["last", "every"])} }} }} }}\n"
                : $"  extra{i}: {{ role: side, layers: [{Layer()}] }}\n");
        return text.Insert(at + "modules:\n".Length, string.Concat(modules));
    }

    private string SetSubsteps(string text)
    {
        var value = Pick(["1", "2", "4", "5", "9", "100000", "2147483647"]);
        var replaced = SubstepsLine().Replace(text, "substeps: " + value);
        return replaced != text ? replaced : text.Replace("modules:\n", $"substeps: {value}\nmodules:\n", StringComparison.Ordinal);
    }

    private string AddWeight(string text)
    {
        var sizes = OutputSize().Matches(text).ToList();
        if (sizes.Count == 0)
        {
            return text;
        }

        var chosen = sizes[random.Next(sizes.Count)];
        return text.Insert(chosen.Index + chosen.Length, ", weight: " + Pick(Numbers));
    }

    private static bool IsComment(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text.IndexOf('#', lineStart, index - lineStart) >= 0;
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    [GeneratedRegex(@"(?<![\w.-])[A-Za-z_][\w.-]*")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"(?<![\w.])[-+]?\d+(\.\d+)?([eE][-+]?\d+)?(?![\w.])")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"layers: \[[^\]]*\]")]
    private static partial Regex LayerList();

    [GeneratedRegex(@"\{ role: (input|side)[^\n]*\}")]
    private static partial Regex FlowModule();

    [GeneratedRegex(@"(?m)^\s*([a-z]+):")]
    private static partial Regex KeyToken();

    [GeneratedRegex(@"(?m)^substeps: .*$")]
    private static partial Regex SubstepsLine();

    [GeneratedRegex(@"\{ size: \d+")]
    private static partial Regex OutputSize();
}
