using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.Examples.Torch;

/// <summary>Adds a TorchSharp batch's losses and correct predictions to the training loop's <see cref="OutputTally"/>, as the engine's passes do.</summary>
internal static class TorchTally
{
    public static void Add(OutputTally tally, TorchLoss loss, SequenceBatch batch, IReadOnlyList<TorchTensor> targets)
    {
        for (var o = 0; o < loss.PerOutput.Count; o++)
        {
            var predictions = tally.Predictions(o, batch.Steps, batch.Batch);
            // Outputs with dense targets (mse) have no classes to be right about, as on the engine.
            var correct = batch.DenseTargets[o] is null ? loss.Logits[o].argmax(-1).eq(targets[o]).sum().item<long>() : 0;
            tally.AddOutput(o, (double)loss.PerOutput[o].item<float>() * predictions, predictions, correct);
        }
    }
}
