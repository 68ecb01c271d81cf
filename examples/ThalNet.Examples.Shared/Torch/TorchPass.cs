using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>
/// One batch through a TorchSharp model inside its own dispose scope, so every tensor of the batch is freed when it
/// ends: the forward pass and its metrics, the backward pass when training, and the carried state kept for the next
/// segment of a stream.
/// </summary>
internal static class TorchPass
{
    /// <summary>Forward and backward from zeroed gradients, which the optimizer step then uses; returns the loss.</summary>
    public static float Train(TorchThalNetModel model, TorchBatch batch, OutputTally tally, TorchCarriedState? state = null)
    {
        using var scope = torch.NewDisposeScope();
        model.zero_grad();
        var loss = Forward(model, batch, tally, state);
        loss.Total.backward();
        state?.Persist();
        return loss.Total.item<float>();
    }

    /// <summary>Forward only; the caller turns gradients off.</summary>
    public static void Evaluate(TorchThalNetModel model, TorchBatch batch, OutputTally tally, TorchCarriedState? state = null)
    {
        using var scope = torch.NewDisposeScope();
        Forward(model, batch, tally, state);
        state?.Persist();
    }

    private static TorchLoss Forward(TorchThalNetModel model, TorchBatch batch, OutputTally tally, TorchCarriedState? state)
    {
        var (inputs, targets) = batch.ToTensors(model.Device);
        var loss = model.ComputeLoss(inputs, targets, state?.State);
        TorchTally.Add(tally, loss, batch.Buffers, targets);
        return loss;
    }
}
