using ThalNet.Examples.Torch;
using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.Specs;
using ThalNet.TorchSharp.Models;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Parity;

/// <summary>
/// Generated models on both backends with the same weights: every output (at every step and at the last), every
/// output's loss, the weighted total and the gradient of every parameter agree within 1e-5 (plus 1e-5 relative).
/// EveryKindNet (Specs/EveryKindParity.thalnet.yaml) uses every reading mechanism, every activation, gru and lstm,
/// mse and cross-entropy, five sub-steps; ReadingNet and RegressionNet are the generator tests' specs.
/// </summary>
public sealed class GeneratedModelParityTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 6)]
    public void Model_of_every_kind_matches_on_both_backends(int batch, int steps) =>
        Check(new EveryKindNet(new RandomSource(5)), new EveryKindNetTorch(), batch, steps);

    [Fact]
    public void Every_reading_mechanism_with_two_sub_steps_matches_on_both_backends() =>
        Check(new ThalNet.Examples.Features.ReadingNet(new RandomSource(6)), new ThalNet.Examples.Features.ReadingNetTorch(), batch: 2, steps: 4);

    [Fact]
    public void Regression_model_with_lstm_gelu_and_mse_matches_on_both_backends() =>
        Check(new ThalNet.Examples.Features.RegressionNet(new RandomSource(7)), new ThalNet.Examples.Features.RegressionNetTorch(), batch: 3, steps: 5);

    [Theory]
    [InlineData(1, 3)]
    [InlineData(4, 5)]
    public void Competing_modules_with_attention_match_on_both_backends_masks_first(int batch, int steps)
    {
        var masks = Check(new ThalNet.Examples.Features.CompetingNet(new RandomSource(9)), new ThalNet.Examples.Features.CompetingNetTorch(), batch, steps);

        AssertSelects(masks, steps * ThalNet.Examples.Features.CompetingNet.Substeps, modules: 3, active: 2);
    }

    [Fact]
    public void Competing_modules_in_the_sub_step_loop_match_on_both_backends_masks_first()
    {
        var masks = Check(new CompetingLoopNet(new RandomSource(10)), new CompetingLoopNetTorch(), batch: 3, steps: 4);

        AssertSelects(masks, 4 * CompetingLoopNet.Substeps, modules: 4, active: 1);
    }

    /// <summary>One mask per step and sub-step, each row selecting exactly <paramref name="active"/> of the modules.</summary>
    private static void AssertSelects(List<float[]> masks, int count, int modules, int active)
    {
        Assert.Equal(count, masks.Count);
        Assert.All(masks, mask => Assert.All(mask.Chunk(modules), row => Assert.Equal(active, row.Sum())));
    }

    /// <summary>A kind added to the catalog must join EveryKindParity.thalnet.yaml, so the generated models of both backends are compared with it.</summary>
    [Fact]
    public void Every_kind_spec_uses_every_catalog_kind_and_more_than_four_sub_steps()
    {
        var path = Path.Combine(ProjectFolder(), "Specs", "EveryKindParity.thalnet.yaml");
        var spec = SpecReader.Read(path, File.ReadAllText(path)).Spec!;
        var modules = spec.ModuleList.ToArray();
        var layers = modules.SelectMany(m => (m.Layers ?? spec.Defaults.Layers)!.Value.Value.ToArray()).ToArray();
        var outputs = modules.SelectMany(m => m.Outputs?.Value.ToArray() ?? []).ToArray();

        Assert.Equal(Catalog.Readings.Select(e => e.Kind).Order(), modules.Select(m => (m.Reading ?? spec.Defaults.Reading)!.Value.Value).Distinct().Order());
        Assert.Equal(Catalog.Layers.Select(e => e.Kind).Order(), layers.Select(l => l.Kind.Value).Distinct().Order());
        Assert.Equal(Catalog.Activations.Select(e => e.Kind).Order(), layers.Where(l => Catalog.Layer(l.Kind.Value).TakesActivation).Select(l => l.Activation?.Value ?? Activation.None).Distinct().Order());
        Assert.Equal(Catalog.Losses.Select(e => e.Kind).Order(), outputs.Select(o => o.Loss?.Value ?? LossKind.CrossEntropy).Distinct().Order());
        Assert.Equal([OutputTiming.Last, OutputTiming.Every], outputs.Select(o => o.At?.Value ?? OutputTiming.Last).Distinct().Order());
        Assert.True(spec.Substeps?.Value > 4, "EveryKindParity needs more than four sub-steps");
    }

    private static string ProjectFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, ".."));

    /// <summary>Compares the two models' active masks (first), outputs, losses and gradients; returns the engine's masks, [B, M] each.</summary>
    private static List<float[]> Check(ThalNetModel engine, TorchThalNetModel torchModel, int batch, int steps)
    {
        using var owned = torchModel;
        EngineWeights.CopyTo(engine, torchModel);
        var info = engine.Info;
        var sequences = RandomBatch(info, steps, batch, seed: batch + steps);
        var engineMasks = new List<Tensor>();
        var torchMasks = new List<TorchTensor>();
        engine.ActiveMasks = engineMasks;
        torchModel.ActiveMasks = torchMasks;

        var tape = new Tape();
        var engineResult = engine.ComputeLoss(tape, sequences);
        tape.Backward(engineResult.Total);

        var torchResult = torchModel.ComputeLoss(TorchInputs(info, sequences), TorchTargets(info, sequences));
        torchResult.Total.backward();

        Assert.Equal(engineMasks.Count, torchMasks.Count);
        for (var i = 0; i < engineMasks.Count; i++)
        {
            Assert.Equal([batch, info.Modules.Count], engineMasks[i].Shape.ToArray());
            Assert.Equal(engineMasks[i].Data.ToArray(), Torch.Values(torchMasks[i]));
            torchMasks[i].Dispose();
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var name = info.Outputs[o].Name;
            Assert.Equal(engineResult.Logits[o]!.Shape.ToArray().Select(d => (long)d), torchResult.Logits[o].shape);
            TensorAssert.Close(engineResult.Logits[o]!.Data, Torch.Values(torchResult.Logits[o]), $"output {name}", ParityCheck.Tolerance, ParityCheck.Tolerance);
            TensorAssert.Close(engineResult.PerOutput[o].Data, Torch.Values(torchResult.PerOutput[o]), $"loss of {name}", ParityCheck.Tolerance, ParityCheck.Tolerance);
        }

        TensorAssert.Close(engineResult.Total.Data, Torch.Values(torchResult.Total), "total loss", ParityCheck.Tolerance, ParityCheck.Tolerance);
        var torchParameters = torchModel.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(engine.NamedParameters().Select(p => p.Key).Order(), torchParameters.Keys.Order());
        foreach (var (name, parameter) in engine.NamedParameters())
        {
            TensorAssert.Close(parameter.Grad, Torch.Values(torchParameters[name].grad!), $"d{name}", ParityCheck.Tolerance, ParityCheck.Tolerance);
        }

        return [.. engineMasks.Select(m => m.Data.ToArray())];
    }

    private static SequenceBatch RandomBatch(ModelInfo info, int steps, int batch, int seed)
    {
        var random = new Random(seed);
        float Next() => (float)((random.NextDouble() * 2) - 1);
        var sequences = new SequenceBatch(info, steps, batch);
        foreach (var dense in sequences.Dense.Concat(sequences.DenseTargets).OfType<Tensor>())
        {
            var data = dense.Data;
            for (var v = 0; v < data.Length; v++)
            {
                data[v] = Next();
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var targets = sequences.Targets[o];
            for (var i = 0; i < targets.Length; i++)
            {
                targets[i] = random.Next(info.Outputs[o].Size);
            }
        }

        return sequences;
    }

    private static TorchTensor[] TorchInputs(ModelInfo info, SequenceBatch batch) =>
        [.. info.Inputs.Select((input, i) => input.IsTokens
            ? torch.tensor(batch.Tokens[i]!.Select(t => (long)t).ToArray(), [batch.Steps, batch.Batch])
            : torch.tensor(batch.Dense[i]!.ToArray(), [batch.Steps, batch.Batch, input.Width]))];

    private static TorchTensor[] TorchTargets(ModelInfo info, SequenceBatch batch) =>
        [.. info.Outputs.Select((output, o) => batch.DenseTargets[o] is { } dense
            ? torch.tensor(dense.ToArray(), dense.Shape.ToArray().Select(d => (long)d).ToArray())
            : output.EveryStep
                ? torch.tensor(batch.Targets[o].Select(t => (long)t).ToArray(), [batch.Steps, batch.Batch])
                : torch.tensor(batch.Targets[o].Select(t => (long)t).ToArray(), [batch.Batch]))];
}
