using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>The reading mechanisms (formulas: the paper and <c>fixtures/README.md</c>); C center, K context, F features.</summary>
internal static class ReadingEntries
{
    public static IReadOnlyList<ReadingEntry> All { get; } =
    [
        new(
            ReadingMechanism.Linear,
            "linear",
            "linear",
            "context = center @ w^T",
            ReadsOwnFeatures: false,
            [P.Uniform("w", "[K, C]", s => [s.Context, s.Center], s => s.Center, "C")],
            BackendTypes.Nn("LinearReader")),
        new(
            ReadingMechanism.WeightNorm,
            "weight-norm",
            "weight-normalised",
            "context = center @ (beta * w / ‖w‖_F)^T",
            ReadsOwnFeatures: false,
            [
                P.Uniform("w", "[K, C]", s => [s.Context, s.Center], s => s.Center, "C"),
                P.Norm("beta", "[]", _ => [], "w"),
            ],
            BackendTypes.Nn("WeightNormReader")),
        new(
            ReadingMechanism.FastSoftmax,
            "fast-softmax",
            "fast softmax",
            "a = softmax over the center of (features @ w + b) as [C, K]; context = a^T center",
            ReadsOwnFeatures: true,
            [
                P.Uniform("w", "[F, C*K]", s => [s.Features, (long)s.Center * s.Context], s => s.Features, "F"),
                P.Uniform("b", "[C*K]", s => [(long)s.Center * s.Context], s => s.Features, "F"),
            ],
            BackendTypes.Nn("FastSoftmaxReader")),
        new(
            ReadingMechanism.FastGaussian,
            "fast-gaussian",
            "fast Gaussian",
            "a Gaussian over center positions per context element, mean and scale from the features",
            ReadsOwnFeatures: true,
            [
                P.Uniform("w_mean", "[F, K]", s => [s.Features, s.Context], s => s.Features, "F"),
                P.Computed("b_mean", "[K]", s => [s.Context], s => GaussianWindowStart.MeanLogits(s.Context), GaussianWindowStart.MeanText),
                P.Uniform("w_scale", "[F, K]", s => [s.Features, s.Context], s => s.Features, "F"),
                P.Computed("b_scale", "[K]", s => [s.Context], s => GaussianWindowStart.ScaleLogits(s.Center, s.Context), GaussianWindowStart.ScaleText),
            ],
            BackendTypes.Nn("FastGaussianReader")),
        new(
            ReadingMechanism.Attention,
            "attention",
            "key-value attention",
            "q = own slice @ w_query^T + b_query; per module j, key and value from slice j (w_key, w_value columns of slice j); a = softmax over the modules and a null slot (score 0, value 0) of q·k_j/√K; context = Σ_j a_j v_j",
            ReadsOwnFeatures: false,
            [
                P.Uniform("w_query", "[K, F]", s => [s.Context, s.Features], s => s.Features, "F"),
                P.Uniform("b_query", "[K]", s => [s.Context], s => s.Features, "F"),
                P.Uniform("w_key", "[K, C]", s => [s.Context, s.Center], s => s.Features, "F"),
                P.Uniform("w_value", "[K, C]", s => [s.Context, s.Center], s => s.Features, "F"),
            ],
            BackendTypes.Nn("AttentionReader"))
        {
            ReadsModuleSlices = true,
            HasNullSlot = true,
        },
    ];

    private static class P
    {
        public static CatalogParameter<ReaderSizes> Uniform(string name, string text, Func<ReaderSizes, long[]> shape, Func<ReaderSizes, long> fanIn, string fanInText)
            => CatalogParameter<ReaderSizes>.Uniform(name, text, shape, fanIn, fanInText);

        public static CatalogParameter<ReaderSizes> Computed(string name, string text, Func<ReaderSizes, long[]> shape, Func<ReaderSizes, float[]> values, string valuesText)
            => CatalogParameter<ReaderSizes>.Computed(name, text, shape, values, valuesText);

        public static CatalogParameter<ReaderSizes> Norm(string name, string text, Func<ReaderSizes, long[]> shape, string of)
            => CatalogParameter<ReaderSizes>.Norm(name, text, shape, of);
    }
}
