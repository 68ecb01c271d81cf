using ThalNet.Runtime.Models;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.Examples.Torch;

/// <summary>
/// One batch as the engine's data sources fill it (<see cref="Buffers"/>, allocated once), handed to a TorchSharp model
/// as tensors on its device: inputs [T, B, W] (tokens [T, B] int64), class targets [B] or [T, B] int64, dense targets
/// of the output's shape.
/// </summary>
public sealed class TorchBatch(SequenceInfo info, int steps, int rows)
{
    public SequenceBatch Buffers { get; } = new(info, steps, rows);

    /// <summary>The filled buffers as new tensors on <paramref name="device"/>, owned by the current dispose scope.</summary>
    public (TorchTensor[] Inputs, TorchTensor[] Targets) ToTensors(torch.Device device)
    {
        var batch = Buffers;
        var inputs = new TorchTensor[info.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = info.Inputs[i].IsTokens
                ? Classes(batch.Tokens[i]!, [batch.Steps, batch.Batch], device)
                : torch.tensor(batch.Dense[i]!.Data.ToArray(), [batch.Steps, batch.Batch, info.Inputs[i].Width], device: device);
        }

        var targets = new TorchTensor[info.Outputs.Count];
        for (var o = 0; o < targets.Length; o++)
        {
            var everyStep = info.Outputs[o].EveryStep;
            targets[o] = batch.DenseTargets[o] is { } dense
                ? torch.tensor(dense.Data.ToArray(), dense.Shape.ToArray().Select(d => (long)d).ToArray(), device: device)
                : Classes(batch.Targets[o], everyStep ? [batch.Steps, batch.Batch] : [batch.Batch], device);
        }

        return (inputs, targets);
    }

    private static TorchTensor Classes(int[] values, long[] shape, torch.Device device) =>
        torch.tensor(Array.ConvertAll(values, v => (long)v), shape, device: device);
}
