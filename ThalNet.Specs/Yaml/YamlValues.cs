using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Converts YAML nodes to typed, located values; a node of the wrong type is reported (THAL0020) and gives null.</summary>
internal sealed class YamlValues(DiagnosticBag diagnostics)
{
    public Located<string>? Text(SourceLocation key, YamlNode value)
        => value is YamlScalar { IsNull: false } scalar ? Located(key, scalar.Value, value) : Wrong<string>("text", value);

    public Located<int>? Int(SourceLocation key, YamlNode value)
        => Number(value, out var number) && number is >= int.MinValue and <= int.MaxValue
            ? Located(key, (int)number, value)
            : Wrong<int>("an integer", value);

    public Located<long>? Long(SourceLocation key, YamlNode value)
        => Number(value, out var number) ? Located(key, number, value) : Wrong<long>("an integer", value);

    public Located<double>? Double(SourceLocation key, YamlNode value)
    {
        if (value is YamlScalar { IsPlain: true } scalar)
        {
            var special = scalar.Value switch
            {
                ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => double.PositiveInfinity,
                "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
                ".nan" or ".NaN" or ".NAN" => double.NaN,
                _ => (double?)null,
            };
            if (special is { } result || double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out result))
            {
                return Located(key, result, value);
            }
        }

        return Wrong<double>("a number", value);
    }

    public Located<EquatableArray<Located<string>>>? TextList(SourceLocation key, YamlNode value)
    {
        if (value is not YamlSequence sequence)
        {
            return Wrong<EquatableArray<Located<string>>>("a list", value);
        }

        var items = sequence.Items.Select(item => Text(item.Location, item)).OfType<Located<string>>().ToEquatableArray();
        return Located(key, items, value);
    }

    /// <summary>A mapping; an empty value (<c>defaults:</c>) counts as an empty mapping.</summary>
    public YamlMapping? Mapping(YamlNode value) => value switch
    {
        YamlMapping mapping => mapping,
        YamlScalar { IsNull: true } => new YamlMapping([], value.Location),
        _ => WrongNode("a mapping", value),
    };

    private static Located<T> Located<T>(SourceLocation key, T value, YamlNode valueNode) => new(value, key, valueNode.Location);

    private static bool Number(YamlNode value, out long number)
    {
        number = 0;
        return value is YamlScalar { IsPlain: true } scalar
            && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private Located<T>? Wrong<T>(string expected, YamlNode value)
    {
        diagnostics.Add(SpecDiagnostics.WrongValueType, value.Location, expected, value.Describe());
        return null;
    }

    private YamlMapping? WrongNode(string expected, YamlNode value)
    {
        diagnostics.Add(SpecDiagnostics.WrongValueType, value.Location, expected, value.Describe());
        return null;
    }
}
