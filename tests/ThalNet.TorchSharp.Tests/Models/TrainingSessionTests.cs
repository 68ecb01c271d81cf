using ThalNet.Examples.Features;
using ThalNet.Examples.Text;
using ThalNet.Examples.Torch;
using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// TorchSharp training through the runtime's training session (the loop every example uses): memory stays flat over
/// many batches of examples and of carried-state segments, and its checkpoints load into the engine.
/// </summary>
public sealed class TrainingSessionTests : IDisposable
{
    private const int Steps = 5;

    private readonly string _folder = Directory.CreateTempSubdirectory("thalnet-session-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Live_tensors_do_not_grow_over_many_example_batches()
    {
        var info = new ReadingNet(new RandomSource(1)).Info;
        using var model = new ReadingNetTorch();
        var data = new RandomSequences(info, count: 8 * 120, Steps);

        var live = Train(model, info, new TorchSequenceTraining(model, info, data, null, Options(batches: 120)), Options(batches: 120));

        AssertFlat(live);
    }

    [Fact]
    public void Live_tensors_do_not_grow_over_many_segments_with_carried_state()
    {
        var info = new ByteLanguageModel(new RandomSource(1)).Info;
        using var model = new ByteLanguageModelTorch();
        var data = new RandomSequences(info, count: 120, Steps);

        var live = Train(model, info, new TorchStreamTraining(model, info, data, data, Options(batches: 120)), Options(batches: 120));

        AssertFlat(live);
    }

    [Fact]
    public void A_TorchSharp_checkpoint_loads_into_the_engine_which_computes_the_same_logits()
    {
        var engine = new ByteLanguageModel(new RandomSource(1));
        using var model = new ByteLanguageModelTorch();
        var data = new RandomSequences(engine.Info, count: 6, Steps);
        var options = Options(batches: 6) with { CheckpointPath = Path.Combine(_folder, "torch.safetensors") };
        Train(model, engine.Info, new TorchStreamTraining(model, engine.Info, data, null, options), options);

        engine.LoadWeights(options.CheckpointPath);

        // The carried state is saved under the engine's names, so the engine can resume the run too.
        Assert.Equal(engine.StateNames, model.StateNames);
        var batch = new TorchBatch(engine.Info, Steps, 3);
        data.Fill([0, 1, 2], batch.Buffers);
        var tape = new Tape();
        float[] expected;
        using (tape.NoGrad())
        {
            expected = engine.ComputeLoss(tape, batch.Buffers).Logits[0].ToArray();
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var (inputs, _) = batch.ToTensors(model.Device);
        TensorAssert.Close(expected, Torch.Values(model.Run(inputs, null)[0]), "logits after loading the TorchSharp checkpoint", absolute: 1e-5f, relative: 0f);
    }

    [Fact]
    public void A_TorchSharp_checkpoint_with_Adam_and_carried_state_resumes_on_the_engine_as_if_trained_there()
    {
        var options = Options(batches: 4) with { Epochs = 2, Optimizer = OptimizerKind.Adam, Workers = 1 };
        var data = new RandomSequences(new ByteLanguageModel(new RandomSource(1)).Info, count: 4, Steps);
        var straight = TrainOnTorch(options, data);
        var checkpoint = Path.Combine(_folder, "torch.safetensors");
        TrainOnTorch(options with { Epochs = 1, CheckpointPath = checkpoint }, data);

        using var trainer = new Trainer<ByteLanguageModel>(random => new ByteLanguageModel(random), options with { CheckpointPath = checkpoint, Resume = true });
        var resumed = trainer.Fit((IStreamSource)data);

        // The engine computes the same float32 model with other kernels, so the bound allows for other rounding; the
        // losses agreed exactly here, and a resume that lost the optimizer's state was 1e-2 off.
        var second = Assert.Single(resumed.Epochs);
        Assert.Equal(2, second.Epoch);
        Assert.Equal(straight.Epochs[1].Train.Loss, second.Train.Loss, 1e-4);
    }

    /// <summary>Trains the TorchSharp model from the engine's initial weights for the seed, as the examples do.</summary>
    private static TrainingResult TrainOnTorch(TrainerOptions options, RandomSequences data)
    {
        using var run = new TorchSeededRun<ByteLanguageModel>(options, random => new ByteLanguageModel(random), () => new ByteLanguageModelTorch(), torch.CPU, (model, info, o) => new TorchStreamTraining(model, info, data, null, o));
        return run.Train(CancellationToken.None);
    }

    private static TrainerOptions Options(int batches) => new()
    {
        Epochs = 1,
        BatchSize = 8,
        MaxBatchesPerEpoch = batches,
        MaxEvaluationBatches = 2,
        LearningRate = 1e-3f,
        Progress = false,
        Output = TextWriter.Null,
    };

    /// <summary>Trains through the session; the live tensor count after every step.</summary>
    private static List<long> Train(TorchThalNetModel model, SequenceInfo info, ITrainingTask task, TrainerOptions options)
    {
        using var backend = new TorchTrainingBackend(model, info, options.Optimizer, options.LearningRate);
        var live = new List<long>();
        var result = TrainingSession.Run(backend, task, options, new RandomSource(options.Seed), onStep: _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        Assert.False(result.Interrupted);
        Assert.Single(result.Epochs);
        return live;
    }

    // After warm-up (optimizer state, gradients, the carried state), every step ends with the same tensors alive.
    private static void AssertFlat(List<long> live)
    {
        Assert.Equal(120, live.Count);
        Assert.Equal(live[10], live[^1]);
        Assert.Equal(live[10], live.Skip(10).Max());
    }
}
