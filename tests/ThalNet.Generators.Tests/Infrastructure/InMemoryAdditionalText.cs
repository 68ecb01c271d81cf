using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ThalNet.Generators.Tests.Infrastructure;

/// <summary>An additional file that exists only in memory, as the IDE hands unsaved text to generators.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>An additional file whose reading fails, to show the generator turns that into a diagnostic.</summary>
internal sealed class UnreadableAdditionalText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
}
