namespace ThalNet.Specs.Tests;

/// <summary>
/// Fakes what the generator does: locates attribute arguments in a C# source text by searching
/// for them, so builder tests can pin line and column like the YAML tests.
/// </summary>
internal sealed class AttributeSource(string text)
{
    public const string FilePath = "Model.cs";

    /// <summary>The <paramref name="occurrence"/>-th (0-based) appearance of <paramref name="snippet"/>.</summary>
    public SourceLocation Find(string snippet, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = text.IndexOf(snippet, offset + 1, StringComparison.Ordinal);
            Assert.True(offset >= 0, $"'{snippet}' #{occurrence} not in the source");
        }

        var line = 1 + text.Take(offset).Count(c => c == '\n');
        var column = offset - (offset == 0 ? -1 : text.LastIndexOf('\n', offset - 1));

        return new SourceLocation(FilePath, line, column, line, column + snippet.Length, offset, offset + snippet.Length);
    }

    /// <summary>A string argument located at its literal (quotes included), keyed by <paramref name="key"/> when named.</summary>
    public Located<string> Text(string value, string? key = null, int occurrence = 0)
    {
        var literal = Find($"\"{value}\"", occurrence);
        return new Located<string>(value, key is null ? literal : Find(key, occurrence), literal);
    }

    public Located<T> Value<T>(T value, string written, string key, int occurrence = 0)
        => new(value, Find(key, occurrence), Find(written, occurrence));

    public Located<EquatableArray<Located<string>>> Texts(string key, int occurrence, params string[] values)
        => new(values.Select(v => Text(v)).ToEquatableArray(), Find(key, occurrence), Find("new[]", occurrence));
}
