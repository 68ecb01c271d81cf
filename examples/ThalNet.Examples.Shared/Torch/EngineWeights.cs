using ThalNet.Runtime.Models;
using ThalNet.TorchSharp.Models;

namespace ThalNet.Examples.Torch;

/// <summary>Copies parameter values between an engine model and the TorchSharp model of the same spec (same names and shapes).</summary>
public static class EngineWeights
{
    public static void CopyTo(SequenceModel engine, TorchThalNetModel model)
    {
        ArgumentNullException.ThrowIfNull(engine);
        TorchParameters.Load(model, engine.NamedParameters().Select(p => new NamedValues(p.Key, p.Value.Shape.ToArray(), p.Value.Data.ToArray())));
    }

    /// <summary>Replaces the engine model's parameters with the TorchSharp model's (from whatever device they live on).</summary>
    /// <exception cref="ArgumentException">A parameter is missing or has another number of values.</exception>
    public static void CopyFrom(TorchThalNetModel model, SequenceModel engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var trained = TorchParameters.Save(model).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, parameter) in engine.NamedParameters())
        {
            if (!trained.TryGetValue(name, out var values) || values.Values.Length != parameter.Data.Length)
            {
                throw new ArgumentException($"The TorchSharp model has no parameter '{name}' of {parameter.Data.Length} values.", nameof(model));
            }

            values.Values.Span.CopyTo(parameter.Data);
        }
    }
}
