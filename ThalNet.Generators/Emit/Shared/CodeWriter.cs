using System.Text;

namespace ThalNet.Generators.Emit;

/// <summary>Writes C# line by line with four-space indentation and <c>\n</c> line ends, whatever the platform.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', 4 * _depth).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Several lines (a raw string), each indented at the current depth.</summary>
    public void Lines(string lines)
    {
        foreach (var line in lines.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing closes it.</summary>
    public Scope Block(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Scope(this);
    }

    public override string ToString() => _text.ToString();

    public readonly struct Scope(CodeWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._depth--;
            writer.Line("}");
        }
    }
}
