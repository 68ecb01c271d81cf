using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;
using ThalNet.Runtime.Tests.Training;

namespace ThalNet.Runtime.Tests.Parallel;

/// <summary>
/// Only a model whose step honours module groups (generated ones do: ThalNet.Generated.Tests) may split its modules;
/// a hand-written one keeps splitting rows, whatever the batch.
/// </summary>
public sealed class ParallelPlanTests
{
    [Fact]
    public void A_hand_written_model_splits_rows_and_refuses_to_split_modules()
    {
        var model = TinyThalNet.LanguageModel(new RandomSource(1));

        Assert.False(model.RunsModuleGroups);
        Assert.Equal(ParallelPlan.Data, ParallelPlans.Choose(model, workers: 2, batchRows: 2));
        var error = Assert.Throws<ArgumentException>(() =>
        {
            using var parallel = new DataParallel<SequenceModel>(model, () => model, workers: 2, ParallelPlan.Modules);
        });
        Assert.Contains("RunsModuleGroups", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_barrier_releases_every_party_and_throws_after_an_abort()
    {
        var barrier = new SpinBarrier(2);
        var other = Run(() =>
        {
            barrier.SignalAndWait();
            barrier.SignalAndWait();
        });
        barrier.SignalAndWait();
        barrier.SignalAndWait();
        Assert.Null(other.Finish());

        var waiting = Run(barrier.SignalAndWait);
        barrier.Abort();
        Assert.IsType<OperationCanceledException>(waiting.Finish());

        barrier.Reset();
        var again = Run(barrier.SignalAndWait);
        barrier.SignalAndWait();
        Assert.Null(again.Finish());
    }

    private static Party Run(Action action)
    {
        var party = new Party();
        party.Thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                party.Error = e;
            }
        });
        party.Thread.Start();
        return party;
    }

    /// <summary>A thread meeting the barrier, and what it threw.</summary>
    private sealed class Party
    {
        public Thread Thread { get; set; } = null!;

        public Exception? Error { get; set; }

        public Exception? Finish()
        {
            Assert.True(Thread.Join(TimeSpan.FromSeconds(10)), "a party is still waiting at the barrier");
            return Error;
        }
    }
}
