using System.Globalization;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Stops training at the first non-finite loss or gradient (before the optimizer step) and at the first update that
/// leaves a parameter non-finite, naming the step, the batch and the first culprit: a parameter, a gradient, or the
/// output whose loss it is. On the engine, checks cost one vectorised sum per parameter tensor, nothing allocated while all is finite.
/// </summary>
internal sealed class DivergenceGuard(ITrainingBackend backend, string? checkpointPath)
{
    /// <summary>After the backward pass: the batch loss and every gradient must be finite.</summary>
    public void CheckBackward(float loss, long step, int epoch, int batch, OutputTally tally)
    {
        var gradient = backend.FirstNonFiniteGradient();
        if (float.IsFinite(loss) && gradient is null)
        {
            return;
        }

        var what = float.IsFinite(loss)
            ? $"the gradient {gradient} is not finite"
            : $"the loss is {Show(loss)}" + Culprit(tally, gradient);
        throw new TrainingDivergedException(step, epoch, batch, what, LastGoodCheckpoint());
    }

    /// <summary>After the optimizer step: the update must leave every parameter finite.</summary>
    public void CheckUpdate(long step, int epoch, int batch)
    {
        if (backend.FirstNonFiniteParameter() is { } parameter)
        {
            throw new TrainingDivergedException(step, epoch, batch, $"the optimizer step made the parameter {parameter}", LastGoodCheckpoint());
        }
    }

    // A non-finite parameter explains the loss best; otherwise the output whose loss is not finite.
    private string Culprit(OutputTally tally, string? gradient)
    {
        if (backend.FirstNonFiniteParameter() is { } parameter)
        {
            return $"; the first non-finite parameter is {parameter}";
        }

        var outputs = tally.ToResult().Outputs;
        foreach (var output in outputs)
        {
            if (!double.IsFinite(output.Loss))
            {
                return $" at output '{output.Name}', while every parameter is finite: the weights grew too large for float32, or an input is not finite";
            }
        }

        return gradient is null ? string.Empty : $"; the first non-finite gradient is {gradient}";
    }

    // Training writes checkpoints only at epoch ends and on cancellation, never after a failed step.
    private string? LastGoodCheckpoint() => checkpointPath is not null && File.Exists(checkpointPath) ? checkpointPath : null;

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
