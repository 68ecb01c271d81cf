using ThalNet.Runtime.Models;
using ThalNet.TorchSharp.Models;

namespace ThalNet.Examples.Torch;

/// <summary>Copies an engine model's parameter values into the TorchSharp model of the same spec (same names and shapes).</summary>
public static class EngineWeights
{
    public static void CopyTo(SequenceModel engine, TorchThalNetModel model)
    {
        ArgumentNullException.ThrowIfNull(engine);
        TorchParameters.Load(model, engine.NamedParameters().Select(p => new NamedValues(p.Key, p.Value.Shape.ToArray(), p.Value.Data.ToArray())));
    }
}
