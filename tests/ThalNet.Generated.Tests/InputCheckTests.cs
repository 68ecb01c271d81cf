using ThalNet.Examples.MultiTask;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Examples.Text;
using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>An input of the wrong shape is reported in spec terms (model, input, declared size) before any layer sees it.</summary>
public sealed class InputCheckTests
{
    [Fact]
    public void Forward_names_the_model_the_input_and_the_declared_width()
    {
        var model = new SequentialMnistNet(new RandomSource(1));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new Tape(), Tensor.Zeros(7, 4, 5)));

        Assert.Equal("pixels", error.ParamName);
        Assert.StartsWith("SequentialMnistNet: input 'pixels' has 5 values per step, but the spec declares 'pixels: 28' (expected [T, B, 28], got [7, 4, 5]).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_asks_for_a_time_major_tensor()
    {
        var model = new SequentialMnistNet(new RandomSource(1));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new Tape(), Tensor.Zeros(4, 28)));

        Assert.StartsWith("SequentialMnistNet: input 'pixels' must be a time-major [T, B, 28] tensor, got [4, 28].", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_checks_the_width_of_each_input()
    {
        var tape = new Tape();

        var error = Assert.Throws<ArgumentException>(() => new MultiTaskNet.Inputs(Tensor.Zeros(3, 12), Tensor.Zeros(3, 11)));

        Assert.StartsWith("MultiTaskNet: input 'command' has 11 values per step, but the spec declares 'command: { tokens: 10 }, one-hot over 10 classes' (expected [B, 10], got [3, 11]).", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new MultiTaskNet.Inputs(Tensor.Zeros(3, 12), tape.OneHot([1, 2, 3], 10)));
    }

    [Fact]
    public void A_second_input_must_cover_the_same_steps_and_sequences_as_the_first()
    {
        var model = new MultiTaskNet(new RandomSource(1));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new Tape(), Tensor.Zeros(5, 3, 12), new int[14]));

        Assert.StartsWith("MultiTaskNet: input 'command' holds 14 tokens, but 5 steps of 3 sequences need 15 (time-major, [T * B]).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_model_rejects_a_text_that_does_not_split_into_the_batch()
    {
        var model = new ByteLanguageModel(new RandomSource(1));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new Tape(), new int[10], 4));

        Assert.StartsWith("ByteLanguageModel: input 'text' holds 10 tokens, but 2 steps of 4 sequences need 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_positional_ComputeLoss_checks_a_replaced_buffer_too()
    {
        var model = new SequentialMnistNet(new RandomSource(1));
        var batch = new SequenceBatch(model.Info, 3, 2) { Dense = { [0] = Tensor.Zeros(3, 2, 5) } };

        var error = Assert.Throws<ArgumentException>(() => model.ComputeLoss(new Tape(), batch));

        Assert.StartsWith("SequentialMnistNet: input 'pixels' has 5 values per step, but the spec declares 'pixels: 28'", error.Message, StringComparison.Ordinal);
    }
}
