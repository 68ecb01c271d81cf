using ThalNet.Examples.Features;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Optim;

namespace ThalNet.Generated.Tests;

/// <summary>
/// The generated <see cref="RegressionNet"/> (GELU feed-forward, inner and last LSTM layers, an MSE output at every
/// step and a cross-entropy output at the last) learns: its loss falls, and its state carries each LSTM's cell.
/// </summary>
public sealed class LstmMseTrainingTests
{
    [Fact]
    public void Mse_output_learns_to_recall_the_previous_signal()
    {
        var model = new RegressionNet(new RandomSource(3));
        var optimizer = new RmsProp(model.NamedParameters(), learningRate: 1e-2f);
        var tape = new Tape();
        var losses = new List<float>();
        for (var step = 0; step < 120; step++)
        {
            var batch = RecallBatch(model.Info, steps: 5, size: 8, seed: (ulong)step);
            tape.Reset();
            optimizer.ZeroGrad();
            var result = model.ComputeLoss(tape, batch);
            tape.Backward(result.Total);
            optimizer.Step();
            losses.Add(result.PerOutput[0].Item());
        }

        var first = losses.Take(10).Average();
        var last = losses.TakeLast(10).Average();
        Assert.True(last < 0.5 * first, $"MSE went from {first} to {last}");
    }

    [Fact]
    public void Mse_loss_is_the_mean_over_steps_batch_and_elements_of_the_head_values()
    {
        var model = new RegressionNet(new RandomSource(4));
        var batch = RecallBatch(model.Info, steps: 3, size: 2, seed: 5);
        var tape = new Tape();

        var result = model.ComputeLoss(tape, batch);

        var predictions = result.Logits[0].ToArray();
        var targets = batch.DenseTargets[0]!.ToArray();
        Assert.Equal([3, 2, 3], [result.Logits[0].Shape[0], result.Logits[0].Shape[1], result.Logits[0].Shape[2]]);
        var expected = predictions.Zip(targets, (p, t) => (double)(p - t) * (p - t)).Average();
        Assert.Equal(expected, result.PerOutput[0].Item(), 5);
    }

    [Fact]
    public void State_holds_the_cell_of_every_lstm_layer_and_the_hidden_state_of_inner_ones()
    {
        Assert.Equal(
            ["center", "sense.features", "sense.lstm.cell", "memory.features", "memory.lstm.hidden", "memory.lstm.cell", "answer.features", "answer.lstm.cell"],
            new RegressionNet(new RandomSource(1)).StateNames);
    }

    /// <summary>
    /// Targets of 'value': the previous step's signal (zero at the first step), which reaches the output module
    /// through the center one step later; of 'sign': whether the last signal sums above 0.
    /// </summary>
    private static SequenceBatch RecallBatch(ModelInfo info, int steps, int size, ulong seed)
    {
        var random = new RandomSource(seed);
        var batch = new SequenceBatch(info, steps, size);
        var signal = batch.Dense[0]!.Data;
        var value = batch.DenseTargets[0]!.Data;
        var width = size * 3;
        for (var t = 0; t < steps; t++)
        {
            for (var k = 0; k < width; k++)
            {
                signal[(t * width) + k] = random.NextUniform(-1f, 1f);
                value[(t * width) + k] = t == 0 ? 0f : signal[((t - 1) * width) + k];
            }
        }

        for (var b = 0; b < size; b++)
        {
            var last = (steps - 1) * size * 3;
            batch.Targets[1][b] = signal[last + (b * 3)] + signal[last + (b * 3) + 1] + signal[last + (b * 3) + 2] > 0 ? 1 : 0;
        }

        return batch;
    }
}
