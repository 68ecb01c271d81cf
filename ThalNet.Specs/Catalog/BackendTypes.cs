using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>
/// The fully qualified name (<c>global::...</c>) of the type implementing one catalog entry on each backend, as the
/// generator emits it. Both are constructor arguments, so an entry cannot leave a backend out.
/// </summary>
public sealed record BackendTypes(string Engine, string TorchSharp)
{
    /// <summary>Every backend, in the order the catalog tables list them.</summary>
    public static IReadOnlyList<Backend> All { get; } = [Backend.Engine, Backend.TorchSharp];

    /// <exception cref="ArgumentOutOfRangeException">An undefined backend.</exception>
    public string For(Backend backend) => backend switch
    {
        Backend.Engine => Engine,
        Backend.TorchSharp => TorchSharp,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "No such backend."),
    };

    /// <summary>
    /// The implementing type's full name on <paramref name="backend"/> as reflection knows it (<c>Assembly.GetType</c>):
    /// <see cref="For"/> without its <c>global::</c> prefix.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined backend.</exception>
    public string MetadataName(Backend backend)
    {
        const string Global = "global::";
        var name = For(backend);
        return name.StartsWith(Global, StringComparison.Ordinal) ? name.Substring(Global.Length) : name;
    }

    internal static BackendTypes Nn(string className) =>
        new("global::ThalNet.Runtime.Nn." + className, "global::ThalNet.TorchSharp.Nn." + className);
}
