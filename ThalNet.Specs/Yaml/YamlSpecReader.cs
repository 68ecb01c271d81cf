using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Walks a loaded YAML tree into a <see cref="ModelSpec"/>, reporting unknown, missing and mistyped keys.</summary>
internal sealed class YamlSpecReader(DiagnosticBag diagnostics)
{
    private static readonly string[] ModelKeys = SpecKeys.Names(SpecKeys.Model);
    private static readonly string[] ModelRequired = SpecKeys.RequiredNames(SpecKeys.Model);
    private static readonly string[] InputKeys = SpecKeys.Names(SpecKeys.Input);
    private static readonly string[] DefaultsKeys = SpecKeys.Names(SpecKeys.Defaults);
    private static readonly string[] ModuleKeys = SpecKeys.Names(SpecKeys.Module);
    private static readonly string[] ModuleRequired = SpecKeys.RequiredNames(SpecKeys.Module);
    private static readonly string[] OutputKeys = SpecKeys.Names(SpecKeys.Output);
    private static readonly string[] OutputRequired = SpecKeys.RequiredNames(SpecKeys.Output);

    private readonly YamlKeys _keys = new(diagnostics);
    private readonly YamlValues _values = new(diagnostics);

    public ModelSpec? ReadModel(YamlNode root)
    {
        if (_values.Mapping(root) is not { } mapping)
        {
            return null;
        }

        var keys = Fixed(mapping, ModelKeys, ModelRequired, SpecFactory.ModelOwner, root.Location.Start);
        return new ModelSpec(
            Get(keys, "model", _values.Text) ?? new Located<string>("", root.Location.Start),
            Get(keys, "namespace", _values.Text),
            Get(keys, "inputs", (key, value) => Named(key, value, "input", SpecFactory.ModelOwner, ReadInput)),
            Get(keys, "substeps", _values.Int),
            Get(keys, "center", _values.Int),
            Get(keys, "budget", _values.Long),
            keys.TryGetValue("defaults", out var defaults) ? ReadDefaults(defaults.Value) : DefaultsSpec.None,
            Get(keys, "modules", (key, value) => Named(key, value, "module", SpecFactory.ModelOwner, ReadModule)),
            root.Location,
            IsComplete: false,
            Get(keys, "active", _values.Int));
    }

    private InputSpec ReadInput(Located<string> name, YamlNode value)
    {
        if (value is YamlScalar)
        {
            return SpecFactory.Input(name, _values.Int(name.KeyLocation, value), null, diagnostics);
        }

        if (_values.Mapping(value) is not { } mapping)
        {
            return new InputSpec(name, InputKind.Dense, null);
        }

        var keys = Fixed(mapping, InputKeys, [], SpecFactory.InputOwner(name.Value), name.KeyLocation);
        if (keys.Count == 0)
        {
            SpecFactory.ReportMissingWidth(name, diagnostics);
        }

        return SpecFactory.Input(name, Get(keys, "size", _values.Int), Get(keys, "tokens", _values.Int), diagnostics);
    }

    private DefaultsSpec ReadDefaults(YamlNode value)
    {
        if (_values.Mapping(value) is not { } mapping)
        {
            return DefaultsSpec.None;
        }

        var keys = Fixed(mapping, DefaultsKeys, [], SpecFactory.DefaultsOwner, value.Location);
        return SpecFactory.Defaults(
            Get(keys, "reading", _values.Text),
            Get(keys, "context", _values.Int),
            Get(keys, "layers", _values.TextList),
            diagnostics);
    }

    private ModuleSpec ReadModule(Located<string> name, YamlNode value)
    {
        if (_values.Mapping(value) is not { } mapping)
        {
            return new ModuleSpec(name, null, null, null, null, null, null);
        }

        var keys = Fixed(mapping, ModuleKeys, ModuleRequired, SpecFactory.ModuleOwner(name.Value), name.KeyLocation);
        return SpecFactory.Module(
            name,
            Get(keys, "role", _values.Text),
            Get(keys, "inputs", _values.TextList),
            Get(keys, "outputs", (key, outputs) => Named(key, outputs, "output", SpecFactory.ModuleOwner(name.Value), ReadOutput)),
            Get(keys, "reading", _values.Text),
            Get(keys, "context", _values.Int),
            Get(keys, "layers", _values.TextList),
            diagnostics);
    }

    private OutputSpec ReadOutput(Located<string> name, YamlNode value)
    {
        if (_values.Mapping(value) is not { } mapping)
        {
            return new OutputSpec(name, null, null, null, null);
        }

        var keys = Fixed(mapping, OutputKeys, OutputRequired, SpecFactory.OutputOwner(name.Value), name.KeyLocation);
        return SpecFactory.Output(
            name,
            Get(keys, "size", _values.Int),
            Get(keys, "loss", _values.Text),
            Get(keys, "at", _values.Text),
            Get(keys, "weight", _values.Double),
            diagnostics);
    }

    /// <summary>A mapping of names to items (inputs, modules, outputs), in file order; an unreadable item is kept with null values.</summary>
    private Located<EquatableArray<T>>? Named<T>(SourceLocation key, YamlNode value, string what, string where, Func<Located<string>, YamlNode, T> read)
        where T : IEquatable<T>
    {
        if (_values.Mapping(value) is not { } mapping)
        {
            return null;
        }

        var items = _keys.Names(mapping, what, where)
            .Select(entry => read(entry.Name, entry.Value))
            .ToEquatableArray();
        return new Located<EquatableArray<T>>(items, key, value.Location);
    }

    private Dictionary<string, (SourceLocation Key, YamlNode Value)> Fixed(
        YamlMapping mapping,
        IReadOnlyList<string> known,
        IReadOnlyList<string> required,
        string where,
        SourceLocation owner)
    {
        var keys = _keys.Fixed(mapping, known, where);
        foreach (var key in required.Where(k => !keys.ContainsKey(k)))
        {
            diagnostics.Add(SpecDiagnostics.MissingKey, owner, $"'{key}'", where);
        }

        return keys;
    }

    private static TValue? Get<TValue>(
        Dictionary<string, (SourceLocation Key, YamlNode Value)> keys,
        string key,
        Func<SourceLocation, YamlNode, TValue?> read)
        where TValue : struct
        => keys.TryGetValue(key, out var entry) ? read(entry.Key, entry.Value) : null;
}
