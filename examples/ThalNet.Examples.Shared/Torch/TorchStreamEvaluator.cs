using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>Loss, accuracy and bits per character of a TorchSharp model over a stream source's segments in order, carrying the state from zeros, without gradients.</summary>
internal sealed class TorchStreamEvaluator(TorchThalNetModel model, SequenceInfo info, int? maxBatches)
{
    private readonly OutputTally _tally = new(info);

    public EvaluationResult Evaluate(IStreamSource data)
    {
        var batch = new TorchBatch(info, data.Steps, data.Streams);
        var state = new TorchCarriedState(model, data.Streams);
        state.Zero();
        _tally.Clear();
        using var noGrad = torch.no_grad();
        var segments = Math.Min(data.SegmentCount, maxBatches ?? int.MaxValue);
        for (var s = 0; s < segments; s++)
        {
            data.Fill(s, 0, batch.Buffers);
            TorchPass.Evaluate(model, batch, _tally, state);
        }

        state.Release();
        return _tally.ToResult();
    }
}
