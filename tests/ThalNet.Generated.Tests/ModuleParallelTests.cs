using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Generated.Tests;

/// <summary>
/// Workers that split a model's modules (<see cref="ParallelPlan.Modules"/>) compute what one worker computes: the
/// same loss, logits and every parameter's gradient (up to the order in which a module's center gradients are added),
/// bit-identically from run to run, and a failing worker fails the pass instead of leaving the others waiting.
/// </summary>
public sealed class ModuleParallelTests
{
    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Split_modules_give_the_losses_and_gradients_of_one_worker(string name)
    {
        var (_, create, _) = GeneratedModels.Cases[name];
        var single = create(new RandomSource(5));
        var batch = Batches.Random(single.Info, steps: 4, batch: 3, seed: 6);
        var (singleLoss, singleLogits, singleGradients) = Pass(single, batch, workers: 1, ParallelPlan.Data);

        var workers = Math.Min(3, single.Info.Modules.Count);
        var split = create(new RandomSource(5));
        var (splitLoss, splitLogits, splitGradients) = Pass(split, batch, workers, ParallelPlan.Modules);

        Assert.Equal(singleLoss, splitLoss, 5);
        Assert.Equal(singleLogits.Length, splitLogits.Length);
        for (var o = 0; o < singleLogits.Length; o++)
        {
            AssertClose(singleLogits[o], splitLogits[o], $"{name} output {o} logits");
        }

        foreach (var (parameter, expected) in singleGradients)
        {
            AssertClose(expected, splitGradients[parameter], $"{name} {parameter} gradient");
        }
    }

    [Fact]
    public void Split_modules_give_identical_bits_from_run_to_run()
    {
        var (_, create, _) = GeneratedModels.Cases["CharLanguageModelNet"];
        var batch = Batches.Random(create(new RandomSource(1)).Info, steps: 6, batch: 4, seed: 8);
        var first = Pass(create(new RandomSource(1)), batch, workers: 2, ParallelPlan.Modules);
        var second = Pass(create(new RandomSource(1)), batch, workers: 2, ParallelPlan.Modules);

        Assert.Equal(first.Loss, second.Loss);
        foreach (var (parameter, gradient) in first.Gradients)
        {
            Assert.Equal(gradient, second.Gradients[parameter]);
        }
    }

    [Fact]
    public void Modules_go_largest_first_to_the_least_loaded_worker()
    {
        var model = new ThalNet.Examples.CharLanguageModel.CharLanguageModelNet(new RandomSource(1));

        // reader (FF 288 -> 50) and writer (with its 50 -> 256 head) are the largest; each side module joins one of them.
        Assert.Equal([1, 1, 0, 0], ModuleGroups.Assign(model, workers: 2));
        Assert.Equal([0, 0, 0, 0], ModuleGroups.Assign(model, workers: 1));
    }

    [Fact]
    public void A_failing_worker_fails_the_pass_and_the_next_pass_runs()
    {
        var (_, create, _) = GeneratedModels.Cases["ByteLanguageModel"];
        var model = create(new RandomSource(3));
        var batch = Batches.Random(model.Info, steps: 3, batch: 2, seed: 4);
        using var parallel = new DataParallel<SequenceModel>(model, () => throw new InvalidOperationException("no replicas"), workers: 2, ParallelPlan.Modules);
        var fail = true;

        // Worker 1 fails before its first join while worker 0 waits there: without the abort this would hang.
        var error = Assert.Throws<AggregateException>(() => parallel.ForwardBackward((w, tape, replica) =>
            w == 1 && fail ? throw new InvalidOperationException("worker 1 broke") : replica.ComputeLoss(tape, batch).Total));
        Assert.Contains("worker 1 broke", error.ToString(), StringComparison.Ordinal);

        fail = false;
        var loss = parallel.ForwardBackward((_, tape, replica) => replica.ComputeLoss(tape, batch).Total);
        Assert.True(float.IsFinite(loss) && loss > 0f);
    }

    [Fact]
    public void A_steady_state_pass_allocates_nothing_on_either_worker()
    {
        var model = new ThalNet.Examples.CharLanguageModel.CharLanguageModelNet(new RandomSource(2));
        var batch = Batches.Random(model.Info, steps: 5, batch: 4, seed: 3);
        using var parallel = new DataParallel<SequenceModel>(model, () => throw new InvalidOperationException("split modules need no replica"), workers: 2, ParallelPlan.Modules);
        var results = new[] { new LossResult(1), new LossResult(1) };
        var allocated = new long[2, 12];
        var pass = 0;
        Func<int, Tape, SequenceModel, Tensor> step = (w, tape, m) =>
        {
            allocated[w, pass] = GC.GetAllocatedBytesForCurrentThread(); // each worker's own thread: all of its previous pass
            return m.ComputeLoss(tape, batch, null, 1f, results[w]).Total;
        };

        for (; pass < 12; pass++)
        {
            parallel.ForwardBackward(step);
        }

        Assert.Equal(0, allocated[0, 11] - allocated[0, 4]);
        Assert.Equal(0, allocated[1, 11] - allocated[1, 4]);
    }

    [Fact]
    public void Only_a_thalnet_model_with_enough_modules_splits()
    {
        var model = new ThalNet.Examples.Text.ByteLanguageModel(new RandomSource(1)); // 3 modules
        Assert.Throws<ArgumentException>(() => { using var tooMany = new DataParallel<SequenceModel>(model, () => model, workers: 4, ParallelPlan.Modules); });
        using var one = new DataParallel<SequenceModel>(model, () => model, workers: 1, ParallelPlan.Modules);
        Assert.Equal(ParallelPlan.Data, one.Plan);
    }

    private static (float Loss, float[][] Logits, Dictionary<string, float[]> Gradients) Pass(ThalNetModel model, SequenceBatch batch, int workers, ParallelPlan plan)
    {
        using var parallel = new DataParallel<SequenceModel>(model, () => throw new InvalidOperationException("a single worker or split modules need no replica"), workers, plan);
        var results = new LossResult[workers];
        var loss = parallel.ForwardBackward((w, tape, replica) => (results[w] = replica.ComputeLoss(tape, batch)).Total);
        var logits = new float[model.Info.Outputs.Count][];
        for (var o = 0; o < logits.Length; o++)
        {
            var computed = results.Where(r => r.Computed[o]).ToList();
            Assert.Single(computed); // exactly one worker computes each output
            logits[o] = computed[0].Logits[o].ToArray();
        }

        return (loss, logits, model.NamedParameters().ToDictionary(p => p.Key, p => p.Value.Grad.ToArray()));
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-5f + (1e-4f * Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what} [{i}]: {actual[i]} vs {expected[i]}");
        }
    }
}
