using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>The activations of <c>ff</c> layers, each as PyTorch defines it.</summary>
internal static class ActivationEntries
{
    private static readonly BackendTypes FeedForward = BackendTypes.Nn("FeedForward");

    public static IReadOnlyList<ActivationEntry> All { get; } =
    [
        new(Activation.Relu, "relu", "max(0, x)", FeedForward),
        new(Activation.Tanh, "tanh", "tanh(x)", FeedForward),
        new(Activation.Sigmoid, "sigmoid", "1 / (1 + e^-x)", FeedForward),
        new(Activation.None, "none", "x", FeedForward),
        new(Activation.Gelu, "gelu", "x Φ(x) = x (1 + erf(x / √2)) / 2, exact (torch.nn.GELU())", FeedForward),
    ];
}
