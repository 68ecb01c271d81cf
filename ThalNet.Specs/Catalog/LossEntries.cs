using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>The losses of output heads, each the mean PyTorch computes.</summary>
internal static class LossEntries
{
    private static readonly BackendTypes Types = new("global::ThalNet.Runtime.Tape", "global::ThalNet.TorchSharp.Nn.Losses");

    public static IReadOnlyList<LossEntry> All { get; } =
    [
        new(
            LossKind.CrossEntropy,
            "cross-entropy",
            "mean over examples (and steps) of -log softmax(logits)[target] (torch.nn.functional.cross_entropy)",
            "logits",
            TargetKind.ClassIndices,
            "CrossEntropy",
            HeadMetric.Accuracy,
            Types),
        new(
            LossKind.Mse,
            "mse",
            "mean over every element of (prediction - target)^2 (torch.nn.functional.mse_loss)",
            "predictions",
            TargetKind.Dense,
            "Mse",
            HeadMetric.MeanSquaredError,
            Types),
    ];
}
