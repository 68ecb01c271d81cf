using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// Products whose input starts with a token input fed one-hot gather the weight's rows for those columns (and scatter
/// the gradient back) instead of multiplying by zeros (<see cref="Tape.GatherOneHotRows"/>): the same bits as the
/// full product, forward and backward, deferred or not.
/// </summary>
public class OneHotProductTests
{
    private const int Classes = 11;

    [Theory]
    [InlineData(5, 3, null)] // few rows: weight gradient deferred to the end of the pass
    [InlineData(20, 3, null)] // many rows: formed at every product
    [InlineData(5, 0, true)] // the input is all tokens
    [InlineData(20, 4, true)]
    [InlineData(5, 4, false)]
    public void A_feed_forward_layer_gathers_token_columns_with_the_bits_of_the_full_product(int rows, int denseWidth, bool? deferred)
    {
        var random = new RandomSource(21);
        var layer = new FeedForward(Classes + denseWidth, 6, Activation.Tanh, random);
        var dense = RandomTensors.Uniform(random, Shape.Of(rows, denseWidth));
        var tokens = Tokens(random, 2 * rows);

        float[][] Run(bool gather)
        {
            layer.ZeroGrad();
            dense.ZeroGrad();
            var tape = new Tape { GatherOneHotRows = gather, DeferWeightGradients = deferred };
            Tensor? total = null;
            for (var step = 0; step < 2; step++)
            {
                var x = Input(tape, tokens.AsSpan(step * rows, rows), dense);
                Assert.Equal(Classes, x.OneHotWidth);
                var y = layer.Forward(tape, x);
                var loss = tape.Sum(tape.Mul(y, y));
                total = total is null ? loss : tape.Add(total, loss);
            }

            tape.Backward(total!);
            return Snapshot([total!, layer.Weight, layer.Bias!, dense]);
        }

        AssertSameBits(Run(gather: false), Run(gather: true));
    }

    [Fact]
    public void A_gru_cell_reading_tokens_gives_the_bits_of_the_full_products()
    {
        var random = new RandomSource(5);
        var cell = new GruCell(Classes, 7, random);
        var h = RandomTensors.Uniform(random, Shape.Of(4, 7));
        var tokens = Tokens(random, 12);

        float[][] Run(bool gather)
        {
            cell.ZeroGrad();
            h.ZeroGrad();
            var tape = new Tape { GatherOneHotRows = gather };
            var state = h;
            for (var step = 0; step < 3; step++)
            {
                state = cell.Forward(tape, tape.OneHot(tokens.AsSpan(step * 4, 4), Classes), state);
            }

            tape.Backward(tape.Sum(tape.Mul(state, state)));
            return Snapshot([state, h, .. cell.Parameters()]);
        }

        AssertSameBits(Run(gather: false), Run(gather: true));
    }

    [Fact]
    public void A_weight_used_with_and_without_token_columns_in_one_pass_keeps_its_gradient()
    {
        var random = new RandomSource(13);
        var layer = new FeedForward(Classes, 5, Activation.None, random);
        var plain = RandomTensors.Uniform(random, Shape.Of(3, Classes));
        var tokens = Tokens(random, 6);

        float[][] Run(bool gather)
        {
            layer.ZeroGrad();
            plain.ZeroGrad();
            var tape = new Tape { GatherOneHotRows = gather, DeferWeightGradients = true };
            var a = layer.Forward(tape, tape.OneHot(tokens.AsSpan(0, 3), Classes));
            var b = layer.Forward(tape, plain); // rows stacked the other way: what was stacked is formed first
            var c = layer.Forward(tape, tape.OneHot(tokens.AsSpan(3, 3), Classes));
            var loss = tape.Sum(tape.Mul(tape.Add(tape.Add(a, b), c), tape.Add(a, c)));
            tape.Backward(loss);
            return Snapshot([loss, layer.Weight, layer.Bias!, plain]);
        }

        AssertSameBits(Run(gather: false), Run(gather: true));
    }

    [Fact]
    public void Token_columns_are_known_through_concatenation_and_static_reads_but_not_through_other_operations()
    {
        var random = new RandomSource(2);
        var tape = new Tape();
        var tokens = Tokens(random, 4);
        var oneHot = tape.OneHot(tokens, Classes);
        var dense = RandomTensors.Uniform(random, Shape.Of(4, 3));
        var center = RandomTensors.Uniform(random, Shape.Of(4, 6));
        var matrix = RandomTensors.Uniform(random, Shape.Of(2, 6));
        var reads = new Tensor[1];
        tape.StaticReads(center, matrix, [tape.TransposeConstant(matrix)], [oneHot], reads);

        Assert.Equal(tokens, oneHot.OneHotIndices.ToArray());
        Assert.Equal(Classes, tape.Concat(1, oneHot, dense).OneHotWidth);
        Assert.Equal(tokens, tape.Concat(1, oneHot, dense).OneHotIndices.ToArray());
        Assert.Equal(Classes, reads[0].OneHotWidth);
        Assert.Equal(0, tape.Concat(1, dense, oneHot).OneHotWidth); // the tokens do not lead
        Assert.Equal(0, tape.Concat(0, oneHot, oneHot).OneHotWidth); // rows stacked: columns of the first part only
        Assert.Equal(0, tape.Scale(oneHot, 2f).OneHotWidth);
        Assert.Equal(0, oneHot.Reshape(2, 2 * Classes).OneHotWidth);
    }

    private static Tensor Input(Tape tape, ReadOnlySpan<int> tokens, Tensor dense)
    {
        var oneHot = tape.OneHot(tokens, Classes);
        return dense.Shape.Cols == 0 ? oneHot : tape.Concat(1, oneHot, dense);
    }

    private static int[] Tokens(RandomSource random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.NextInt(Classes))];

    /// <summary>Each tensor's values, then its gradient where it has one, copied before the next run overwrites them.</summary>
    private static float[][] Snapshot(Tensor[] tensors) =>
        [.. tensors.SelectMany(t => t.RequiresGrad ? new[] { t.Data.ToArray(), t.Grad.ToArray() } : [t.Data.ToArray()])];

    private static void AssertSameBits(float[][] full, float[][] gathered)
    {
        Assert.Equal(full.Length, gathered.Length);
        for (var i = 0; i < full.Length; i++)
        {
            Assert.Equal(full[i], gathered[i]);
        }
    }
}
