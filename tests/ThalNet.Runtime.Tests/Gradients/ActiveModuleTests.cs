namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// The building blocks of modules that compete (<c>active: k</c>): the top-k mask by activity 1 − null weight, with
/// ties to the lower module index and no gradient, and the blend that keeps the rows of inactive modules.
/// </summary>
public class ActiveModuleTests
{
    [Fact]
    public void Mask_selects_the_k_most_active_modules_of_each_example_ties_to_the_lower_index()
    {
        var tape = new Tape();
        // Two examples, four modules: the first has a tie between modules 1 and 2 inside the top two, the second a four-way tie.
        Tensor[] nullWeights = [Tensor.FromArray([0.5f, 0.25f], 2), Tensor.FromArray([0.2f, 0.25f], 2), Tensor.FromArray([0.2f, 0.25f], 2), Tensor.FromArray([0.9f, 0.25f], 2)];

        var two = tape.ActiveMask(nullWeights, 2);
        var one = tape.ActiveMask(nullWeights, 1);
        var all = tape.ActiveMask(nullWeights, 4);

        Assert.Equal([0f, 1f, 1f, 0f, 1f, 1f, 0f, 0f], two.ToArray());
        Assert.Equal([0f, 1f, 0f, 0f, 1f, 0f, 0f, 0f], one.ToArray());
        Assert.All(all.ToArray(), m => Assert.Equal(1f, m));
        Assert.False(two.RequiresGrad);
        Assert.Equal(0, tape.NodeCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Mask_rejects_k_outside_one_to_the_module_count(int k)
    {
        var tape = new Tape();
        Tensor[] nullWeights = [Tensor.FromArray([0.5f], 1), Tensor.FromArray([0.2f], 1)];

        Assert.Throws<ArgumentOutOfRangeException>(() => tape.ActiveMask(nullWeights, k));
    }

    [Fact]
    public void Inactive_rows_keep_their_previous_value()
    {
        var tape = new Tape();
        var updated = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var previous = Tensor.FromArray([5f, 6f, 7f, 8f], 2, 2);
        var mask = Tensor.FromArray([1f, 0f, 0f, 1f], 2, 2);

        Assert.Equal([1f, 2f, 7f, 8f], tape.KeepInactive(updated, previous, mask, 0).ToArray());
        Assert.Equal([5f, 6f, 3f, 4f], tape.KeepInactive(updated, previous, mask, 1).ToArray());
    }

    [Theory]
    [InlineData(1, 3, 4, 2)]
    [InlineData(2, 1, 5, 3)]
    public void Keep_inactive_passes_each_row_gradient_to_both_values_by_their_weights(int seed, int batch, int width, int modules)
    {
        var random = new RandomSource((ulong)seed);
        var updated = RandomTensors.Uniform(random, Shape.Of(batch, width));
        var previous = RandomTensors.Uniform(random, Shape.Of(batch, width));
        // Weights strictly between 0 and 1, so both inputs of every row get a gradient (the 0 and 1 rows: the fixture tests).
        var mask = Tensor.FromArray(Enumerable.Range(0, batch * modules).Select(i => 0.25f + (0.5f * (i % 2))).ToArray(), batch, modules);
        for (var module = 0; module < modules; module++)
        {
            GradientChecker.Check(t => t.KeepInactive(updated, previous, mask, module), [("updated", updated), ("previous", previous)]);
        }
    }

    [Fact]
    public void Selection_passes_no_gradient_through_the_null_weights()
    {
        var random = new RandomSource(3);
        int[] slices = [2, 3];
        var center = RandomTensors.Uniform(random, Shape.Of(2, 5)).RequireGrad();
        var tape = new Tape();
        var reads = new Tensor[2];
        var nullWeights = new Tensor[2];
        for (var i = 0; i < 2; i++)
        {
            var wQuery = RandomTensors.Uniform(random, Shape.Of(3, slices[i]));
            var bQuery = RandomTensors.Uniform(random, Shape.Of(3));
            var wKey = RandomTensors.Uniform(random, Shape.Of(3, 5));
            reads[i] = tape.AttentionRead(center, slices, i, wQuery, bQuery, wKey, wKey, out nullWeights[i]);
        }

        var mask = tape.ActiveMask(nullWeights, 1);

        Assert.All(nullWeights, w => Assert.False(w.RequiresGrad));
        Assert.False(mask.RequiresGrad);
        Assert.Equal(2, mask.ToArray().Count(m => m == 1f));
    }
}
