using System.Text;
using ThalNet.Examples.MultiTask;
using ThalNet.Examples.Text;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests;

/// <summary>
/// Training with the modules split across workers: chosen by itself for few rows per worker, deterministic, and a
/// language model stopped after k segments and resumed (carried state and all) continues exactly.
/// </summary>
public sealed class ModuleParallelTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thalnet-module-parallel-").FullName;

    [Fact]
    public void Few_rows_per_worker_split_the_modules_and_many_split_the_rows()
    {
        var model = new ByteLanguageModel(new RandomSource(1));

        Assert.Equal(ParallelPlan.Modules, ParallelPlans.Choose(model, workers: 2, batchRows: 10));
        Assert.Equal(ParallelPlan.Data, ParallelPlans.Choose(model, workers: 2, batchRows: 50));
        Assert.Equal(ParallelPlan.Data, ParallelPlans.Choose(model, workers: 1, batchRows: 10));
        Assert.Equal(ParallelPlan.Data, ParallelPlans.Choose(model, workers: 4, batchRows: 10)); // 3 modules
        var gru = new GruBaseline("gru", [new InputInfo("x", 4, false)], hiddenSize: 8, layers: 1, [new OutputInfo("gru", "y", 3, LossKind.CrossEntropy, true, 1f)], new RandomSource(1));
        Assert.Equal(ParallelPlan.Data, ParallelPlans.Choose(gru, workers: 2, batchRows: 4));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(14)]
    public void A_language_model_resumed_after_k_segments_equals_the_uninterrupted_run(int k)
    {
        var full = Train(Path.Combine(_folder, $"full{k}.safetensors"), resume: false, cancelAtStep: -1);
        var path = Path.Combine(_folder, $"interrupted{k}.safetensors");
        var first = Train(path, resume: false, cancelAtStep: k);
        var second = Train(path, resume: true, cancelAtStep: -1);

        Assert.Equal(ParallelPlan.Modules, full.Plan);
        Assert.Equal(k, first.Losses.Count);
        Assert.Equal(full.Losses.Select(BitConverter.SingleToInt32Bits), first.Losses.Concat(second.Losses).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(full.Bits, second.Bits);
    }

    [Fact]
    public void A_multi_task_model_with_heads_on_both_workers_gives_the_loss_of_one_worker()
    {
        var single = Batches.Random(MultiTaskNet.Layout.Info, steps: 6, batch: 12, seed: 9);
        var split = Batches.Random(MultiTaskNet.Layout.Info, steps: 6, batch: 12, seed: 9);
        var one = new MultiTaskNet(new RandomSource(4));
        var two = new MultiTaskNet(new RandomSource(4));
        using var oneWorker = new DataParallel<SequenceModel>(one, () => throw new InvalidOperationException(), workers: 1);
        using var twoWorkers = new DataParallel<SequenceModel>(two, () => throw new InvalidOperationException(), workers: 2, ParallelPlan.Modules);
        var resultsOne = new[] { new LossResult(one.Info.Outputs.Count) };
        var resultsTwo = new[] { new LossResult(two.Info.Outputs.Count), new LossResult(two.Info.Outputs.Count) };

        var lossOne = oneWorker.ForwardBackward((w, tape, m) => m.ComputeLoss(tape, single, null, 1f, resultsOne[w]).Total);
        var lossTwo = twoWorkers.ForwardBackward((w, tape, m) => m.ComputeLoss(tape, split, null, 1f, resultsTwo[w]).Total);

        Assert.Equal(lossOne, lossTwo, 5);
        Assert.Equal(Enumerable.Range(0, two.Info.Outputs.Count).Select(_ => 1), Enumerable.Range(0, two.Info.Outputs.Count).Select(o => resultsTwo.Count(r => r.Computed[o])));
        Assert.Contains(resultsTwo, r => r.Computed.Contains(false)); // the heads are spread over both workers
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (List<float> Losses, int[] Bits, ParallelPlan Plan) Train(string checkpoint, bool resume, long cancelAtStep)
    {
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("module parallel thalnet ", 30)));
        var train = new LanguageModelBatcher(text.AsMemory(0, 600), batchSize: 5, segmentLength: 4);
        var test = new LanguageModelBatcher(text.AsMemory(600), batchSize: 2, segmentLength: 4);
        var options = new TrainerOptions
        {
            Epochs = 2,
            BatchSize = 5,
            Seed = 11,
            LearningRate = 1e-2f,
            Optimizer = OptimizerKind.Adam,
            Workers = 2,
            Progress = false,
            Output = TextWriter.Null,
            CheckpointPath = checkpoint,
            Resume = resume,
        };
        var losses = new List<float>();
        using var cancellation = new CancellationTokenSource();
        using var trainer = new Trainer<ByteLanguageModel>(r => new ByteLanguageModel(r), options);
        trainer.BatchCompleted += step =>
        {
            losses.Add(step.Loss);
            if (step.GlobalStep == cancelAtStep)
            {
                cancellation.Cancel();
            }
        };
        trainer.Fit(train, test, cancellation.Token);
        var bits = trainer.Model.Parameters().SelectMany(p => p.Data.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray();
        return (losses, bits, trainer.Parallel);
    }
}
