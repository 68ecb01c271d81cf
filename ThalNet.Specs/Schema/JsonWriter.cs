using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ThalNet.Specs;

/// <summary>
/// JSON text for the schema, without a JSON library in this netstandard2.0 assembly (it also loads inside the
/// compiler). Values are <see cref="JsonMap"/>, <see cref="JsonRaw"/> (raw JSON), strings, numbers, booleans
/// and sequences of values.
/// </summary>
internal static class JsonWriter
{
    /// <summary>A string as JSON text.</summary>
    public static string String(string value) => Quote(value);

    /// <summary>A number as JSON text.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An array of JSON texts as JSON text, on one line.</summary>
    public static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>The value as indented JSON, two spaces a level, <c>\n</c> line ends.</summary>
    public static string Write(object value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, object value, int depth)
    {
        switch (value)
        {
            case JsonRaw raw:
                text.Append(raw.Text);
                break;
            case string s:
                text.Append(Quote(s));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int or long:
                text.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonMap obj:
                WriteItems(text, '{', '}', obj.Members, depth, (m, d) =>
                {
                    text.Append(Quote(m.Key)).Append(": ");
                    Write(text, m.Value, d);
                });
                break;
            case IEnumerable<object> items:
                var list = items.ToList();
                if (list.All(i => i is string or JsonRaw or int or long or double or bool))
                {
                    text.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        text.Append(i == 0 ? "" : ", ");
                        Write(text, list[i], depth);
                    }

                    text.Append(']');
                }
                else
                {
                    WriteItems(text, '[', ']', list, depth, (item, d) => Write(text, item, d));
                }

                break;
            default:
                throw new System.ArgumentException($"No JSON form for {value.GetType()}.", nameof(value));
        }
    }

    private static void WriteItems<T>(StringBuilder text, char open, char close, IReadOnlyList<T> items, int depth, System.Action<T, int> write)
    {
        text.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
            write(items[i], depth + 1);
        }

        if (items.Count > 0)
        {
            text.Append('\n').Append(' ', depth * 2);
        }

        text.Append(close);
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}

/// <summary>Raw JSON text, written as is.</summary>
internal sealed record JsonRaw(string Text);

/// <summary>A JSON object whose members keep the order they were added in.</summary>
internal sealed class JsonMap
{
    public List<KeyValuePair<string, object>> Members { get; } = [];

    /// <summary>Adds a member; a null value adds nothing.</summary>
    public JsonMap Add(string key, object? value)
    {
        if (value is not null)
        {
            Members.Add(new KeyValuePair<string, object>(key, value));
        }

        return this;
    }

    /// <summary>Replaces the value of an existing member, keeping its place.</summary>
    /// <exception cref="KeyNotFoundException">No member <paramref name="key"/>.</exception>
    public JsonMap Set(string key, object value)
    {
        var index = Members.FindIndex(m => m.Key == key);
        if (index < 0)
        {
            throw new KeyNotFoundException($"No member '{key}'.");
        }

        Members[index] = new KeyValuePair<string, object>(key, value);
        return this;
    }
}
