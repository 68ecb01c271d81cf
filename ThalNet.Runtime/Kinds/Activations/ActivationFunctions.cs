using ThalNet.Specs;

namespace ThalNet.Runtime.Kernels;

/// <summary>
/// Finds each activation's engine implementation through the catalog: the type its entry names for
/// <see cref="Backend.Engine"/>, created once. No switch over activations lives anywhere else in the engine.
/// </summary>
internal static class ActivationFunctions
{
    private static readonly ActivationFunction?[] ByKind = Create();

    /// <summary>The implementation of <paramref name="activation"/>.</summary>
    /// <exception cref="InvalidOperationException">The catalog has no entry for it, or its engine type is missing.</exception>
    public static ActivationFunction For(Activation activation)
    {
        var index = (int)activation;
        return index >= 0 && index < ByKind.Length && ByKind[index] is { } function
            ? function
            : throw new InvalidOperationException($"The catalog has no engine activation '{activation}': add its entry in ThalNet.Specs/Catalog (see docs/extending.md).");
    }

    private static ActivationFunction?[] Create()
    {
        var entries = Catalog.Activations;
        var table = new ActivationFunction?[entries.Max(e => (int)e.Kind) + 1];
        foreach (var entry in entries)
        {
            table[(int)entry.Kind] = Instantiate(entry.Types);
        }

        return table;
    }

    private static ActivationFunction Instantiate(BackendTypes types)
    {
        var type = typeof(ActivationFunction).Assembly.GetType(types.MetadataName(Backend.Engine))
            ?? throw new InvalidOperationException($"The catalog names engine activation type '{types.Engine}', which ThalNet.Runtime does not have.");
        return (ActivationFunction)Activator.CreateInstance(type, nonPublic: true)!;
    }
}
