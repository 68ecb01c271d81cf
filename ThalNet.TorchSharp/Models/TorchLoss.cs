namespace ThalNet.TorchSharp.Models;

/// <summary>The losses of one batch: the weighted total to backpropagate, each output's loss and its logits.</summary>
public sealed record TorchLoss(Tensor Total, IReadOnlyList<Tensor> PerOutput, IReadOnlyList<Tensor> Logits);
