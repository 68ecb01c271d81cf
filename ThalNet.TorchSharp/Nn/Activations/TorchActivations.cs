using System.Collections.Concurrent;
using ThalNet.Specs;

namespace ThalNet.TorchSharp.Nn;

/// <summary>Finds each activation's TorchSharp implementation through the catalog: the type its entry names for <see cref="Backend.TorchSharp"/>.</summary>
public static class TorchActivations
{
    private static readonly ConcurrentDictionary<Activation, TorchActivation> Created = new();

    /// <summary>The implementation of <paramref name="activation"/>, created once.</summary>
    /// <exception cref="InvalidOperationException">The catalog has no entry for it, or ThalNet.TorchSharp lacks the type it names.</exception>
    public static TorchActivation For(Activation activation) => Created.GetOrAdd(activation, Create);

    private static TorchActivation Create(Activation activation)
    {
        var types = Catalog.Activation(activation).Types;
        var type = typeof(TorchActivation).Assembly.GetType(types.MetadataName(Backend.TorchSharp))
            ?? throw new InvalidOperationException($"The catalog names TorchSharp activation type '{types.TorchSharp}', which ThalNet.TorchSharp does not have.");
        return (TorchActivation)Activator.CreateInstance(type)!;
    }
}
