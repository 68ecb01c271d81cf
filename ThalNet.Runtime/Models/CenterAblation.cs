namespace ThalNet.Runtime.Models;

/// <summary>Zeroes chosen slices of the center, so what those modules write never reaches any reader.</summary>
public sealed class CenterAblation
{
    private readonly Tensor _mask;

    /// <summary>An ablation of the named modules' center slices.</summary>
    /// <param name="info">The model, for the slices' offsets and sizes.</param>
    /// <param name="modules">The modules whose slices are zeroed.</param>
    /// <exception cref="ArgumentException">When the model has no module of one of the names.</exception>
    public CenterAblation(ModelInfo info, params string[] modules)
    {
        _mask = new Tensor(Shape.Of(info.CenterSize));
        _mask.Data.Fill(1f);
        foreach (var name in modules)
        {
            var module = info.Modules.FirstOrDefault(m => m.Name == name)
                ?? throw new ArgumentException($"Model '{info.Name}' has no module '{name}'.", nameof(modules));
            _mask.Data.Slice(module.Offset, module.Size).Clear();
        }

        Modules = modules;
    }

    /// <summary>The modules whose slices are zeroed.</summary>
    public IReadOnlyList<string> Modules { get; }

    /// <summary>The center [B, C] with the ablated slices zeroed, recorded on <paramref name="tape"/>.</summary>
    public Tensor Apply(Tape tape, Tensor center) => tape.Mul(center, _mask);
}
