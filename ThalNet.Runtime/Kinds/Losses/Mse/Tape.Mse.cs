namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// Mean squared error over every element, as <c>torch.nn.functional.mse_loss</c>: mean((prediction − target)²),
    /// multiplied by <paramref name="scale"/>. Both tensors have the same shape; stacked per-step predictions
    /// [T, B, N] with targets [T, B, N] give the mean over steps, batch and elements.
    /// </summary>
    public Tensor Mse(Tensor prediction, Tensor target, float scale = 1f)
    {
        if (prediction.Shape != target.Shape)
        {
            throw new ShapeMismatchException("Mse", prediction.Shape, target.Shape, "the prediction and the target must have the same shape");
        }

        var y = NewTensor(Shape.Scalar, NeedsGrad(prediction, target));
        var p = prediction.Data;
        var t = target.Data;
        var total = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var d = (double)p[i] - t[i];
            total += d * d;
        }

        y.Data[0] = (float)(total / p.Length) * scale;
        if (y.RequiresGrad)
        {
            var node = Record<MseNode>();
            node.Prediction = prediction;
            node.Target = target;
            node.Y = y;
            node.ElementScale = 2f * scale / p.Length;
        }

        return y;
    }

    private sealed class MseNode : TapeNode
    {
        public Tensor Prediction = null!;
        public Tensor Target = null!;
        public Tensor Y = null!;
        public float ElementScale;

        public override void Backward()
        {
            var g = Y.Grad[0] * ElementScale;
            var p = Prediction.Data;
            var t = Target.Data;
            if (Prediction.RequiresGrad)
            {
                var dp = Prediction.Grad;
                for (var i = 0; i < p.Length; i++)
                {
                    dp[i] += g * (p[i] - t[i]);
                }
            }

            if (Target.RequiresGrad)
            {
                var dt = Target.Grad;
                for (var i = 0; i < p.Length; i++)
                {
                    dt[i] -= g * (p[i] - t[i]);
                }
            }
        }
    }
}
