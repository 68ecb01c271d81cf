using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class BatchOrderTests
{
    [Fact]
    public void Batches_cover_the_epoch_with_a_short_last_batch()
    {
        var order = new BatchOrder(10, 4);

        Assert.Equal(3, order.BatchCount);
        Assert.Equal([0, 1, 2, 3], order.Batch(0).ToArray());
        Assert.Equal([8, 9], order.Batch(2).ToArray());
    }

    [Fact]
    public void DropLast_skips_the_short_batch()
    {
        Assert.Equal(2, new BatchOrder(10, 4, dropLast: true).BatchCount);
        Assert.Equal(2, new BatchOrder(8, 4, dropLast: true).BatchCount);
    }

    [Fact]
    public void Shuffle_is_a_permutation_determined_by_the_generator_state()
    {
        var order = new BatchOrder(50, 7);
        var random = new RandomSource(42);
        var saved = random.GetState();

        order.Shuffle(random);
        var first = order.Order.ToArray();
        order.Shuffle(random);
        var second = order.Order.ToArray();

        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), first);
        Assert.NotEqual(first, second);

        // Restoring the state at an epoch's start replays that epoch, whatever came before.
        order.Shuffle(new RandomSource(7));
        order.Shuffle(RandomSource.FromState(saved));
        Assert.Equal(first, order.Order.ToArray());
    }
}
