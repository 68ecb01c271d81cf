using ThalNet.Examples.MultiTask;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Examples.Text;
using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>The typed entry points, <c>Step</c> and <c>Forward</c>, agree with each other and with the positional <see cref="ThalNetModel.ComputeLoss"/>.</summary>
public sealed class SequenceTests
{
    private const int Steps = 5;
    private const int Batch = 3;

    [Fact]
    public void Forward_step_by_step_and_ComputeLoss_give_the_same_logits()
    {
        var model = new SequentialMnistNet(new RandomSource(11));
        var pixels = Random(new RandomSource(12), Steps, Batch, 28);
        var tape = new Tape();

        var forward = model.Forward(tape, pixels).Digit;

        var state = SequentialMnistNet.State.Zeros(tape, Batch);
        SequentialMnistNet.Outputs? last = null;
        for (var t = 0; t < Steps; t++)
        {
            last = model.Step(tape, new SequentialMnistNet.Inputs(tape.Select(pixels, t)), state, lastStep: t == Steps - 1);
            Assert.Equal(t == Steps - 1, last.Digit is not null);
        }

        var batch = new SequenceBatch(model.Info, Steps, Batch) { Dense = { [0] = pixels } };
        var loss = model.ComputeLoss(tape, batch);

        Assert.Equal(forward.ToArray(), last!.Digit!.ToArray());
        Assert.Equal(forward.ToArray(), loss.Logits[0].ToArray());
        Assert.Equal(SequentialMnistNet.CenterSize, state.Center.Shape[1]);
        Assert.Equal(state.Values[0].ToArray(), state.Center.ToArray());
    }

    [Fact]
    public void Forward_continues_from_a_given_state()
    {
        var model = new SequentialMnistNet(new RandomSource(21));
        var pixels = Random(new RandomSource(22), Steps, Batch, 28);
        var tape = new Tape();

        var whole = model.Forward(tape, pixels).Digit;
        var state = SequentialMnistNet.State.Zeros(tape, Batch);
        model.Forward(tape, tape.Narrow(pixels, 0, 2), state);
        var rest = model.Forward(tape, tape.Narrow(pixels, 2, Steps - 2), state).Digit;

        Assert.Equal(whole.ToArray(), rest.ToArray());
    }

    [Fact]
    public void Token_inputs_are_fed_one_hot_and_every_step_outputs_cover_the_sequence()
    {
        var model = new ByteLanguageModel(new RandomSource(31));
        var random = new RandomSource(32);
        var text = Enumerable.Range(0, Steps * Batch).Select(_ => random.NextInt(256)).ToArray();
        var tape = new Tape();

        var forward = model.Forward(tape, text, Batch).Next;
        var batch = new SequenceBatch(model.Info, Steps, Batch);
        text.CopyTo(batch.Tokens[0]!, 0);
        text.CopyTo(batch.Targets[0], 0);
        var loss = model.ComputeLoss(tape, batch);
        tape.Backward(loss.Total);

        Assert.Equal([Steps, Batch, 256], new[] { loss.Logits[0].Shape[0], loss.Logits[0].Shape[1], loss.Logits[0].Shape[2] });
        Assert.Equal(forward.ToArray(), loss.Logits[0].ToArray());
        Assert.True(float.IsFinite(loss.Total.Item()));
        Assert.Contains(model.Writer.Next.Weight.Grad.ToArray(), g => g != 0f);
        Assert.Throws<ArgumentException>(() => model.Forward(tape, text, Batch + 1));
    }

    [Fact]
    public void Several_outputs_are_due_at_their_own_steps_and_weighted_in_the_total()
    {
        var model = new MultiTaskNet(new RandomSource(41));
        var random = new RandomSource(42);
        var tape = new Tape();
        var batch = new SequenceBatch(model.Info, Steps, Batch);
        Random(random, Steps, Batch, 12).Data.CopyTo(batch.Dense[0]!.Data);
        for (var i = 0; i < batch.Tokens[1]!.Length; i++)
        {
            batch.Tokens[1]![i] = random.NextInt(10);
        }

        foreach (var (target, classes) in batch.Targets.Zip(model.Info.Outputs.Select(o => o.Size)))
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = random.NextInt(classes);
            }
        }

        var loss = model.ComputeLoss(tape, batch);
        var step = model.Step(tape, new MultiTaskNet.Inputs(tape.Select(batch.Dense[0]!, 0), tape.OneHot(batch.Tokens[1].AsSpan(0, Batch), 10)), MultiTaskNet.State.Zeros(tape, Batch), lastStep: false);

        var expected = loss.PerOutput[0].Item() + (0.25f * loss.PerOutput[1].Item()) + (0.5f * loss.PerOutput[2].Item());
        Assert.Equal(expected, loss.Total.Item(), 5);
        Assert.Null(step.Label);
        Assert.NotNull(step.NextCommand);
        Assert.Null(step.Done);
    }

    private static Tensor Random(RandomSource random, params int[] shape)
    {
        var tensor = Tensor.Zeros(shape);
        for (var i = 0; i < tensor.Length; i++)
        {
            tensor.Data[i] = random.NextNormal();
        }

        return tensor;
    }
}
