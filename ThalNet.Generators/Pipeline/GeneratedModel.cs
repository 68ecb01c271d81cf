namespace ThalNet.Generators.Pipeline;

/// <summary>A valid model as the emitter needs it: its namespace resolved (empty for the global namespace) and its layout.</summary>
internal sealed record GeneratedModel(string Namespace, ModelLayout Layout)
{
    public string FullName => Namespace.Length == 0 ? Layout.Name : Namespace + "." + Layout.Name;

    /// <summary><c>{Namespace}.{Model}.g.cs</c>.</summary>
    public string HintName => FullName + ".g.cs";
}
