using ThalNet.Examples.Features;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>A generated TorchSharp model trains with torch's optimizer, and a per-batch dispose scope keeps its memory flat.</summary>
public sealed class TrainingTests
{
    [Fact]
    public void A_short_RMSprop_run_lowers_the_loss()
    {
        torch.manual_seed(1);
        using var model = new ReadingNetTorch();
        var (signal, labels) = Task(seed: 2);
        using var optimizer = torch.optim.RMSProp(model.parameters(), lr: 3e-3);
        var losses = new List<float>();
        for (var step = 0; step < 60; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.ComputeLoss([signal], [labels]).Total;
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.True(losses[^1] < 0.5f * losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void Live_tensors_do_not_grow_over_200_batches()
    {
        torch.manual_seed(1);
        using var model = new ReadingNetTorch();
        var (signal, labels) = Task(seed: 3);
        using var optimizer = torch.optim.RMSProp(model.parameters(), lr: 1e-3);
        var live = new List<long>();
        for (var batch = 0; batch < 200; batch++)
        {
            using (torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = model.ComputeLoss([signal], [labels]).Total;
                loss.backward();
                optimizer.step();
            }

            live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        // After warm-up (optimizer state, gradients), every batch ends with the same tensors alive.
        Assert.Equal(live[10], live[^1]);
        Assert.Equal(live[10], live.Skip(10).Max());
    }

    /// <summary>Which of the first five signal channels has the largest sum over time: a task the model must read across steps.</summary>
    private static (TorchTensor Signal, TorchTensor Labels) Task(int seed)
    {
        var generator = new torch.Generator((ulong)seed);
        var signal = torch.randn([6, 32, 6], generator: generator).DetachFromDisposeScope();
        var labels = signal.sum(dim: 0L).narrow(1, 0, 5).argmax(1).DetachFromDisposeScope();
        return (signal, labels);
    }
}
