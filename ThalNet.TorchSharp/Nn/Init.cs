namespace ThalNet.TorchSharp.Nn;

/// <summary>The initialisations of the engine (PyTorch's defaults), drawn from torch's generator (<c>torch.manual_seed</c>).</summary>
internal static class Init
{
    /// <summary>A new parameter of <paramref name="shape"/> filled with U(-1/sqrt(fanIn), 1/sqrt(fanIn)).</summary>
    public static Parameter FanIn(long[] shape, int fanIn)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        using var values = torch.empty(shape, float32);
        using (torch.no_grad())
        {
            values.uniform_(-bound, bound);
        }

        return new Parameter(values.clone(), requires_grad: true);
    }

    /// <summary>A new one-dimensional parameter holding <paramref name="values"/>.</summary>
    public static Parameter Values(float[] values) => new(torch.tensor(values), requires_grad: true);
}
