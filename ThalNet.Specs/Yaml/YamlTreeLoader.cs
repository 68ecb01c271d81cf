using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ThalNet.Specs;

/// <summary>Loads one YAML document into a <see cref="YamlNode"/> tree with YamlDotNet's event parser, reporting syntax errors.</summary>
internal sealed class YamlTreeLoader
{
    // Deeper nesting is never a valid spec; the limit keeps recursion far from stack overflow.
    private const int MaxDepth = 64;

    private readonly string _filePath;
    private readonly string _text;
    private readonly Dictionary<string, YamlNode> _anchors = [];
    private readonly IParser _parser;
    private Mark _lastEnd = Mark.Empty;

    private YamlTreeLoader(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The document's root, or null for an empty file or a syntax error (reported).</summary>
    public static YamlNode? Load(string filePath, string text, DiagnosticBag diagnostics)
        => new YamlTreeLoader(filePath, text).Load(diagnostics);

    private YamlNode? Load(DiagnosticBag diagnostics)
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode(0);
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var next))
            {
                diagnostics.Add(SpecDiagnostics.YamlSyntax, Location(next.Start, next.End), "a spec file holds a single YAML document");
                return null;
            }

            return root;
        }
        catch (YamlException e) when (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && IndentingTab(ToInt(e.Start.Line)) is { } tab)
        {
            // YamlDotNet reports a tab in the indentation at the end of the previous token, often a line earlier.
            diagnostics.Add(SpecDiagnostics.YamlSyntax, tab, $"a tab indents line {tab.StartLine}; YAML indents with spaces only");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(SpecDiagnostics.YamlSyntax, Location(e.Start, e.End), e.Message);
            return null;
        }
        catch (Exception e)
        {
            // YamlDotNet throws other exceptions on some malformed input (e.g. an unclosed flow
            // sequence); a generator must never throw, so they become syntax errors too.
            diagnostics.Add(SpecDiagnostics.YamlSyntax, Location(_lastEnd, _lastEnd), "the parser stopped after this point (" + e.Message + ")");
            return null;
        }
    }

    private YamlNode ReadNode(int depth)
    {
        var parsingEvent = _parser.Consume<ParsingEvent>();
        _lastEnd = parsingEvent.End;
        if (depth > MaxDepth)
        {
            throw new YamlException(parsingEvent.Start, parsingEvent.End, $"nesting deeper than {MaxDepth} levels");
        }

        switch (parsingEvent)
        {
            case AnchorAlias alias:
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            case Scalar scalar:
                return Anchor(scalar, new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Location(scalar.Start, scalar.End)));
            case SequenceStart start:
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(depth + 1));
                }

                return Anchor(start, new YamlSequence(items, CollectionLocation(start)));
            case MappingStart start:
                var entries = new List<KeyValuePair<YamlNode, YamlNode>>();
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(depth + 1);
                    entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, ReadNode(depth + 1)));
                }

                return Anchor(start, new YamlMapping(entries, CollectionLocation(start)));
            default:
                throw new YamlException(parsingEvent.Start, parsingEvent.End, $"unexpected {parsingEvent.GetType().Name}");
        }
    }

    /// <summary>The first tab in the indentation of a line at or after <paramref name="fromLine"/> (1-based), or null.</summary>
    private SourceLocation? IndentingTab(int fromLine)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < _text.Length; i++)
        {
            if (line >= fromLine && i == lineStart)
            {
                var j = i;
                while (j < _text.Length && _text[j] == ' ')
                {
                    j++;
                }

                if (j < _text.Length && _text[j] == '\t')
                {
                    var column = j - lineStart + 1;
                    return new SourceLocation(_filePath, line, column, line, column + 1, j, j + 1);
                }
            }

            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return null;
    }

    private YamlNode Anchor(NodeEvent nodeEvent, YamlNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            _anchors[nodeEvent.Anchor.Value] = node;
        }

        return node;
    }

    // A block collection's end event sits on the next line, so a collection ends with its last child.
    private SourceLocation CollectionLocation(ParsingEvent start)
        => Location(start.Start, _lastEnd.Index > start.End.Index ? _lastEnd : start.End);

    private SourceLocation Location(Mark start, Mark end)
    {
        var (startLine, startColumn, startIndex) = InText(start);
        var (endLine, endColumn, endIndex) = InText(end);
        return new(_filePath, startLine, startColumn, endLine, endColumn, startIndex, endIndex);
    }

    /// <summary>
    /// A mark as line, column and index inside the text: YamlDotNet puts the implicit empty node of a document
    /// that ends without one (a file of just <c>---</c>) on the line after the end, past the text.
    /// </summary>
    private (int Line, int Column, int Index) InText(Mark mark)
    {
        if (mark.Index < _text.Length)
        {
            return (ToInt(mark.Line), ToInt(mark.Column), ToInt(mark.Index));
        }

        var lineStart = _text.LastIndexOf('\n') + 1;
        var line = 1 + _text.Count(c => c == '\n');
        return (line, _text.Length - lineStart + 1, _text.Length);
    }

    private static int ToInt(long value) => (int)Math.Min(value, int.MaxValue);
}
