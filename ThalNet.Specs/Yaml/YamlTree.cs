using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>
/// A minimal YAML tree that keeps every node's location and, unlike YamlDotNet's representation
/// model, keeps duplicate keys so they can be reported instead of failing the whole load.
/// </summary>
internal abstract class YamlNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>What the node is, for "Expected X but found Y" messages.</summary>
    public abstract string Describe();
}

internal sealed class YamlScalar(string value, bool isPlain, SourceLocation location) : YamlNode(location)
{
    public string Value { get; } = value;

    /// <summary>Unquoted: only plain scalars can be numbers or null.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourceLocation location) : YamlNode(location)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a list";
}

internal sealed class YamlMapping(IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> entries, SourceLocation location) : YamlNode(location)
{
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
