using System.Collections.Concurrent;
using System.Reflection;
using ThalNet.Specs;

namespace ThalNet.TorchSharp.Nn;

/// <summary>Finds each loss's TorchSharp implementation through the catalog: the static method its entry names on the type it names for <see cref="Backend.TorchSharp"/>.</summary>
public static class TorchLosses
{
    private static readonly ConcurrentDictionary<LossKind, Func<Tensor, Tensor, Tensor>> Bound = new();

    /// <summary>The loss <paramref name="kind"/> as a function of (values, targets), as <see cref="Losses"/> documents each.</summary>
    /// <exception cref="InvalidOperationException">The catalog has no entry for it, or ThalNet.TorchSharp lacks the method it names.</exception>
    public static Func<Tensor, Tensor, Tensor> For(LossKind kind) => Bound.GetOrAdd(kind, Bind);

    private static Func<Tensor, Tensor, Tensor> Bind(LossKind kind)
    {
        var entry = Catalog.Loss(kind);
        var typeName = entry.Types.For(Backend.TorchSharp);
        var type = typeof(TorchLosses).Assembly.GetType(entry.Types.MetadataName(Backend.TorchSharp));
        var method = type?.GetMethod(entry.Method, BindingFlags.Public | BindingFlags.Static, [typeof(Tensor), typeof(Tensor)])
            ?? throw new InvalidOperationException($"The catalog names TorchSharp loss {typeName}.{entry.Method}(Tensor, Tensor), which ThalNet.TorchSharp does not have.");
        return method.CreateDelegate<Func<Tensor, Tensor, Tensor>>();
    }
}
