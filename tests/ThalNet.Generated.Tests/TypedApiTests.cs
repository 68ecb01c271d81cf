using ThalNet.Examples.MultiTask;
using ThalNet.Runtime.Optim;

namespace ThalNet.Generated.Tests;

/// <summary>
/// The generated typed sequence API on its own: a <c>Batch</c> filled by name, <c>Forward</c> returning every output
/// with its timing, a typed <c>ComputeLoss</c>, and training through nothing else.
/// </summary>
public sealed class TypedApiTests
{
    private const int Steps = 6;
    private const int Size = 16;

    [Fact]
    public void A_model_with_an_every_step_head_and_last_step_heads_trains_through_the_typed_batch()
    {
        var model = new MultiTaskNet(new RandomSource(1));
        // At 1e-2 Adam spiked in the last iterations, so the end value hung on the last bits of the kernels' rounding.
        var optimizer = new Adam(model.NamedParameters(), learningRate: 3e-3f);
        var tape = new Tape();
        var batch = new MultiTaskNet.Batch(Steps, Size);
        FillCopyTask(batch, new RandomSource(2));
        (float Total, float EveryStep, float LastStep)? first = null, last = null;
        MultiTaskNet.Losses? losses = null;
        for (var iteration = 0; iteration < 300; iteration++)
        {
            tape.Reset();
            optimizer.ZeroGrad();
            losses = model.ComputeLoss(tape, batch);
            tape.Backward(losses.Total);
            optimizer.Step();
            last = (losses.Total.Item(), losses.NextCommand.Item(), losses.Label.Item());
            first ??= last;
        }

        Assert.Equal([Steps, Size, 10], losses!.Outputs.NextCommand.Shape.ToArray());
        Assert.Equal([Size, 10], losses.Outputs.Label.Shape.ToArray());
        Assert.Equal([Size, 2], losses.Outputs.Done.Shape.ToArray());
        Assert.True(last!.Value.Total < 0.5f * first!.Value.Total, $"total loss {first} -> {last}");
        Assert.True(last.Value.EveryStep < 0.6f * first.Value.EveryStep, $"every-step loss {first} -> {last}");
        Assert.True(last.Value.LastStep < 0.5f * first.Value.LastStep, $"last-step loss {first} -> {last}");
    }

    [Fact]
    public void Forward_returns_every_step_of_an_every_step_head_and_the_last_step_of_the_others()
    {
        var model = new MultiTaskNet(new RandomSource(3));
        var batch = new MultiTaskNet.Batch(Steps, Size);
        FillCopyTask(batch, new RandomSource(4));
        var tape = new Tape();

        var outputs = model.Forward(tape, batch.Inputs.Image, batch.Inputs.Command);
        var losses = model.ComputeLoss(tape, batch);

        var state = MultiTaskNet.State.Zeros(tape, Size);
        for (var t = 0; t < Steps; t++)
        {
            var command = tape.OneHot(batch.Inputs.Command.AsSpan(t * Size, Size), 10);
            var step = model.Step(tape, new MultiTaskNet.Inputs(tape.Select(batch.Inputs.Image, t), command), state, lastStep: t == Steps - 1);
            Assert.Equal(step.NextCommand!.ToArray(), tape.Select(outputs.NextCommand, t).ToArray());
            if (t == Steps - 1)
            {
                Assert.Equal(step.Label!.ToArray(), outputs.Label.ToArray());
                Assert.Equal(step.Done!.ToArray(), outputs.Done.ToArray());
            }
        }

        Assert.Equal(outputs.NextCommand.ToArray(), losses.Outputs.NextCommand.ToArray());
        Assert.Equal(outputs.Label.ToArray(), losses.Outputs.Label.ToArray());
        var weighted = losses.Label.Item() + (0.25f * losses.NextCommand.Item()) + (0.5f * losses.Done.Item());
        Assert.Equal(weighted, losses.Total.Item(), 5);
    }

    [Fact]
    public void The_typed_batch_names_the_buffers_of_the_positional_one()
    {
        var batch = new MultiTaskNet.Batch(Steps, Size);

        Assert.Same(batch.Sequences.Dense[0], batch.Inputs.Image);
        Assert.Same(batch.Sequences.Tokens[1], batch.Inputs.Command);
        Assert.Same(batch.Sequences.Targets[0], batch.Targets.Label);
        Assert.Same(batch.Sequences.Targets[1], batch.Targets.NextCommand);
        Assert.Equal([Steps, Size, 12], batch.Inputs.Image.Shape.ToArray());
        Assert.Equal(Steps * Size, batch.Inputs.Command.Length);
        Assert.Equal(Size, batch.Targets.Label.Length);
        Assert.Equal(Steps * Size, batch.Targets.NextCommand.Length);
        Assert.Equal((Steps, Size), (batch.Steps, batch.Size));
    }

    /// <summary>
    /// Learnable from the inputs: the every-step head names the command of two steps before (it reaches the output
    /// module through the input module's features and the center), <c>label</c> the command of the step before the
    /// last, <c>done</c> the sign of the last image.
    /// </summary>
    private static void FillCopyTask(MultiTaskNet.Batch batch, RandomSource random)
    {
        var image = batch.Inputs.Image.Data;
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = random.NextUniform(-1f, 1f);
        }

        var command = batch.Inputs.Command;
        for (var i = 0; i < command.Length; i++)
        {
            command[i] = random.NextInt(10);
        }

        var size = batch.Size;
        for (var t = 0; t < batch.Steps; t++)
        {
            for (var b = 0; b < size; b++)
            {
                batch.Targets.NextCommand[(t * size) + b] = t < 2 ? 0 : command[((t - 2) * size) + b];
            }
        }

        for (var b = 0; b < size; b++)
        {
            batch.Targets.Label[b] = command[((batch.Steps - 2) * size) + b];
            batch.Targets.Done[b] = image[(((batch.Steps - 1) * size) + b) * 12] > 0 ? 1 : 0;
        }
    }
}
