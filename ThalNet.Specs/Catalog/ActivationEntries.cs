using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>The activations of <c>ff</c> layers, each as PyTorch defines it, with its implementation on each backend.</summary>
internal static class ActivationEntries
{
    public static IReadOnlyList<ActivationEntry> All { get; } =
    [
        new(Activation.Relu, "relu", "max(0, x)", Types("ReluActivation")),
        new(Activation.Tanh, "tanh", "tanh(x)", Types("TanhActivation")),
        new(Activation.Sigmoid, "sigmoid", "1 / (1 + e^-x)", Types("SigmoidActivation")),
        new(Activation.None, "none", "x", Types("IdentityActivation")),
        new(Activation.Gelu, "gelu", "x Φ(x) = x (1 + erf(x / √2)) / 2, exact (torch.nn.GELU())", Types("GeluActivation")),
    ];

    /// <summary>The engine's kernel class (in <c>ThalNet.Runtime/Kinds/Activations</c>) and TorchSharp's (in <c>ThalNet.TorchSharp/Nn/Activations</c>).</summary>
    private static BackendTypes Types(string className) =>
        new("global::ThalNet.Runtime.Kernels." + className, "global::ThalNet.TorchSharp.Nn." + className);
}
