using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.TorchSharp.Models;

namespace ThalNet.Examples.DesignStudy;

/// <summary>One model of the study: a module design and a reading mechanism, with its spec's generated class.</summary>
/// <param name="Design">FF, GRU, FF-GRU, GRU-FF or FF-GRU-FF: the layer stack of every module.</param>
/// <param name="Reading">The spec word of the reading mechanism.</param>
/// <param name="AutoSize">The layer size the generator solved from the 50,000-parameter budget.</param>
/// <param name="Create">The engine model, its weights drawn from the generator.</param>
/// <param name="CreateTorch">The spec's TorchSharp model (<c>--backend torchsharp</c>), given the engine's weights before training.</param>
internal sealed record StudyConfiguration(string Design, string Reading, int AutoSize, long Parameters, ModelInfo Info, Func<RandomSource, ThalNetModel> Create, Func<TorchThalNetModel> CreateTorch)
{
    public string Name => $"{Design}/{Reading}";

    public static IReadOnlyList<string> Designs { get; } = ["FF", "GRU", "FF-GRU", "GRU-FF", "FF-GRU-FF"];

    public static IReadOnlyList<string> Readings { get; } = ["linear", "weight-norm", "fast-softmax", "fast-gaussian"];

    /// <summary>The 20 specs under Specs/, designs by readers, in the order of <see cref="Designs"/> then <see cref="Readings"/>.</summary>
    public static IReadOnlyList<StudyConfiguration> All { get; } =
    [
        new("FF", "linear", FfLinearNet.AutoLayerSize, FfLinearNet.ParameterCount, FfLinearNet.Layout.Info, r => new FfLinearNet(r), () => new FfLinearNetTorch()),
        new("FF", "weight-norm", FfWeightNormNet.AutoLayerSize, FfWeightNormNet.ParameterCount, FfWeightNormNet.Layout.Info, r => new FfWeightNormNet(r), () => new FfWeightNormNetTorch()),
        new("FF", "fast-softmax", FfFastSoftmaxNet.AutoLayerSize, FfFastSoftmaxNet.ParameterCount, FfFastSoftmaxNet.Layout.Info, r => new FfFastSoftmaxNet(r), () => new FfFastSoftmaxNetTorch()),
        new("FF", "fast-gaussian", FfFastGaussianNet.AutoLayerSize, FfFastGaussianNet.ParameterCount, FfFastGaussianNet.Layout.Info, r => new FfFastGaussianNet(r), () => new FfFastGaussianNetTorch()),
        new("GRU", "linear", GruLinearNet.AutoLayerSize, GruLinearNet.ParameterCount, GruLinearNet.Layout.Info, r => new GruLinearNet(r), () => new GruLinearNetTorch()),
        new("GRU", "weight-norm", GruWeightNormNet.AutoLayerSize, GruWeightNormNet.ParameterCount, GruWeightNormNet.Layout.Info, r => new GruWeightNormNet(r), () => new GruWeightNormNetTorch()),
        new("GRU", "fast-softmax", GruFastSoftmaxNet.AutoLayerSize, GruFastSoftmaxNet.ParameterCount, GruFastSoftmaxNet.Layout.Info, r => new GruFastSoftmaxNet(r), () => new GruFastSoftmaxNetTorch()),
        new("GRU", "fast-gaussian", GruFastGaussianNet.AutoLayerSize, GruFastGaussianNet.ParameterCount, GruFastGaussianNet.Layout.Info, r => new GruFastGaussianNet(r), () => new GruFastGaussianNetTorch()),
        new("FF-GRU", "linear", FfGruLinearNet.AutoLayerSize, FfGruLinearNet.ParameterCount, FfGruLinearNet.Layout.Info, r => new FfGruLinearNet(r), () => new FfGruLinearNetTorch()),
        new("FF-GRU", "weight-norm", FfGruWeightNormNet.AutoLayerSize, FfGruWeightNormNet.ParameterCount, FfGruWeightNormNet.Layout.Info, r => new FfGruWeightNormNet(r), () => new FfGruWeightNormNetTorch()),
        new("FF-GRU", "fast-softmax", FfGruFastSoftmaxNet.AutoLayerSize, FfGruFastSoftmaxNet.ParameterCount, FfGruFastSoftmaxNet.Layout.Info, r => new FfGruFastSoftmaxNet(r), () => new FfGruFastSoftmaxNetTorch()),
        new("FF-GRU", "fast-gaussian", FfGruFastGaussianNet.AutoLayerSize, FfGruFastGaussianNet.ParameterCount, FfGruFastGaussianNet.Layout.Info, r => new FfGruFastGaussianNet(r), () => new FfGruFastGaussianNetTorch()),
        new("GRU-FF", "linear", GruFfLinearNet.AutoLayerSize, GruFfLinearNet.ParameterCount, GruFfLinearNet.Layout.Info, r => new GruFfLinearNet(r), () => new GruFfLinearNetTorch()),
        new("GRU-FF", "weight-norm", GruFfWeightNormNet.AutoLayerSize, GruFfWeightNormNet.ParameterCount, GruFfWeightNormNet.Layout.Info, r => new GruFfWeightNormNet(r), () => new GruFfWeightNormNetTorch()),
        new("GRU-FF", "fast-softmax", GruFfFastSoftmaxNet.AutoLayerSize, GruFfFastSoftmaxNet.ParameterCount, GruFfFastSoftmaxNet.Layout.Info, r => new GruFfFastSoftmaxNet(r), () => new GruFfFastSoftmaxNetTorch()),
        new("GRU-FF", "fast-gaussian", GruFfFastGaussianNet.AutoLayerSize, GruFfFastGaussianNet.ParameterCount, GruFfFastGaussianNet.Layout.Info, r => new GruFfFastGaussianNet(r), () => new GruFfFastGaussianNetTorch()),
        new("FF-GRU-FF", "linear", FfGruFfLinearNet.AutoLayerSize, FfGruFfLinearNet.ParameterCount, FfGruFfLinearNet.Layout.Info, r => new FfGruFfLinearNet(r), () => new FfGruFfLinearNetTorch()),
        new("FF-GRU-FF", "weight-norm", FfGruFfWeightNormNet.AutoLayerSize, FfGruFfWeightNormNet.ParameterCount, FfGruFfWeightNormNet.Layout.Info, r => new FfGruFfWeightNormNet(r), () => new FfGruFfWeightNormNetTorch()),
        new("FF-GRU-FF", "fast-softmax", FfGruFfFastSoftmaxNet.AutoLayerSize, FfGruFfFastSoftmaxNet.ParameterCount, FfGruFfFastSoftmaxNet.Layout.Info, r => new FfGruFfFastSoftmaxNet(r), () => new FfGruFfFastSoftmaxNetTorch()),
        new("FF-GRU-FF", "fast-gaussian", FfGruFfFastGaussianNet.AutoLayerSize, FfGruFfFastGaussianNet.ParameterCount, FfGruFfFastGaussianNet.Layout.Info, r => new FfGruFfFastGaussianNet(r), () => new FfGruFfFastGaussianNetTorch()),
    ];
}
