namespace ThalNet.Runtime.Models;

/// <summary>Zeroes chosen slices of the center, so what those modules write never reaches any reader.</summary>
public sealed class CenterAblation
{
    private readonly Tensor _mask;

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

    public IReadOnlyList<string> Modules { get; }

    public Tensor Apply(Tape tape, Tensor center) => tape.Mul(center, _mask);
}
