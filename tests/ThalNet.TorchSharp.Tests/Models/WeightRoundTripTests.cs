using ThalNet.Examples.Features;
using ThalNet.Examples.MultiTask;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Examples.Text;
using ThalNet.Examples.Torch;
using ThalNet.Runtime;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// Weights move both ways through safetensors files written and read by ThalNet.Runtime: an engine model's
/// checkpoint loads into the TorchSharp model, which then computes the same logits, and the TorchSharp model's
/// weights load back into a fresh engine model, which computes them again, within 1e-5.
/// </summary>
public sealed class WeightRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thalnet-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_reading_mechanism_round_trips() =>
        RoundTrip(new ReadingNet(new RandomSource(3)), new ReadingNetTorch(), () => new ReadingNet(new RandomSource(4)));

    [Fact]
    public void Sequential_mnist_round_trips() =>
        RoundTrip(new SequentialMnistNet(new RandomSource(3)), new SequentialMnistNetTorch(), () => new SequentialMnistNet(new RandomSource(4)));

    [Fact]
    public void Token_inputs_and_outputs_at_every_step_round_trip() =>
        RoundTrip(new ByteLanguageModel(new RandomSource(3)), new ByteLanguageModelTorch(), () => new ByteLanguageModel(new RandomSource(4)));

    [Fact]
    public void Several_outputs_round_trip() =>
        RoundTrip(new MultiTaskNet(new RandomSource(3)), new MultiTaskNetTorch(), () => new MultiTaskNet(new RandomSource(4)));

    [Fact]
    public void Module_designs_round_trip() =>
        RoundTrip(new DesignNet(new RandomSource(3)), new DesignNetTorch(), () => new DesignNet(new RandomSource(4)));

    [Fact]
    public void EngineWeights_copies_a_TorchSharp_models_weights_back_into_an_engine_model()
    {
        var engine = new DesignNet(new RandomSource(3));
        using var model = new DesignNetTorch();
        EngineWeights.CopyTo(engine, model);
        var fresh = new DesignNet(new RandomSource(4));
        Assert.NotEqual(Values(engine), Values(fresh));

        EngineWeights.CopyFrom(model, fresh);

        Assert.Equal(Values(engine), Values(fresh));
    }

    private static float[] Values(SequenceModel model) => [.. model.NamedParameters().SelectMany(p => p.Value.Data.ToArray())];

    private void RoundTrip(ThalNetModel engine, TorchThalNetModel torchModel, Func<ThalNetModel> freshEngine)
    {
        using var owned = torchModel;
        var batch = RandomBatch(engine.Info, steps: 5, batch: 3, seed: 11);
        var engineLogits = EngineLogits(engine, batch);

        var fromEngine = Path.Combine(_folder, "engine.safetensors");
        SafeTensorsWriter.WriteFile(fromEngine, engine.NamedParameters().Select(p => new TensorEntry(p.Key, p.Value.Shape.ToArray(), p.Value.Data.ToArray())));
        TorchParameters.Load(torchModel, SafeTensorsReader.ReadFile(fromEngine).Tensors.Select(t => new NamedValues(t.Name, t.Shape, t.Data)));
        Assert.Equal(engine.NamedParameters().Select(p => p.Key), torchModel.state_dict().Keys);
        using (torch.no_grad())
        {
            var torchLogits = torchModel.Run(TorchSequences(engine.Info, batch), null);
            for (var o = 0; o < engineLogits.Length; o++)
            {
                TensorAssert.Close(engineLogits[o], Torch.Values(torchLogits[o]), $"TorchSharp {engine.Info.Outputs[o].Name}", absolute: 1e-5f, relative: 0f);
            }
        }

        var fromTorch = Path.Combine(_folder, "torch.safetensors");
        SafeTensorsWriter.WriteFile(fromTorch, TorchParameters.Save(torchModel).Select(v => new TensorEntry(v.Name, v.Shape, v.Values)));
        var back = freshEngine();
        Checkpoint.LoadParameters(back, fromTorch);
        var backLogits = EngineLogits(back, batch);
        for (var o = 0; o < engineLogits.Length; o++)
        {
            TensorAssert.Close(engineLogits[o], backLogits[o], $"engine again {engine.Info.Outputs[o].Name}", absolute: 1e-5f, relative: 0f);
        }
    }

    private static float[][] EngineLogits(ThalNetModel model, SequenceBatch batch)
    {
        var tape = new Tape();
        using var noGrad = tape.NoGrad();
        var result = model.ComputeLoss(tape, batch);
        return result.Logits.Select(l => l!.ToArray()).ToArray();
    }

    private static SequenceBatch RandomBatch(ModelInfo info, int steps, int batch, int seed)
    {
        var random = new Random(seed);
        var sequences = new SequenceBatch(info, steps, batch);
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            if (sequences.Tokens[i] is { } tokens)
            {
                for (var t = 0; t < tokens.Length; t++)
                {
                    tokens[t] = random.Next(info.Inputs[i].Width);
                }
            }
            else
            {
                var data = sequences.Dense[i]!.Data;
                for (var v = 0; v < data.Length; v++)
                {
                    data[v] = (float)((random.NextDouble() * 2) - 1);
                }
            }
        }

        return sequences;
    }

    private static TorchTensor[] TorchSequences(ModelInfo info, SequenceBatch batch) =>
        info.Inputs.Select((input, i) => input.IsTokens
            ? torch.tensor(batch.Tokens[i]!.Select(t => (long)t).ToArray(), [batch.Steps, batch.Batch])
            : torch.tensor(batch.Dense[i]!.ToArray(), [batch.Steps, batch.Batch, input.Width])).ToArray();
}
