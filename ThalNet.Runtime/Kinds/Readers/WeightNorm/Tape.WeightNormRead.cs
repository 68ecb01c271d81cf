namespace ThalNet.Runtime;

/// <summary>The weight-normalised reading mechanism's operations (its module: <see cref="Nn.WeightNormReader"/>).</summary>
public sealed partial class Tape
{
    /// <summary>Weight-normalised reading: context = center @ (beta * w / ||w||_F)^T.</summary>
    public Tensor WeightNormRead(Tensor center, Tensor w, Tensor beta) => Linear(center, WeightNormMatrix(w, beta));

    /// <summary>The weight-normalised reading matrix beta * w / ||w||_F (one scalar beta, Frobenius norm of all of w).</summary>
    public Tensor WeightNormMatrix(Tensor w, Tensor beta)
    {
        if (beta.Length != 1)
        {
            throw new ShapeMismatchException("WeightNormMatrix", w.Shape, beta.Shape, "beta must be a single scalar");
        }

        var y = NewTensor(w.Shape, NeedsGrad(w, beta));
        var norm = FrobeniusNorm(w.Data);
        var factor = beta.Data[0] / norm;
        var ws = w.Data;
        var ys = y.Data;
        for (var i = 0; i < ws.Length; i++)
        {
            ys[i] = factor * ws[i];
        }

        if (y.RequiresGrad)
        {
            var node = Record<WeightNormNode>();
            node.W = w;
            node.Beta = beta;
            node.Y = y;
            node.Norm = norm;
        }

        return y;
    }

    private static float FrobeniusNorm(ReadOnlySpan<float> w)
    {
        var sum = 0.0;
        foreach (var v in w)
        {
            sum += (double)v * v;
        }

        return (float)Math.Sqrt(sum);
    }

    private sealed class WeightNormNode : TapeNode
    {
        public Tensor W = null!;
        public Tensor Beta = null!;
        public Tensor Y = null!;
        public float Norm;

        public override void Backward()
        {
            var ws = W.Data;
            var dy = Y.Grad;
            var dot = 0.0;
            for (var i = 0; i < ws.Length; i++)
            {
                dot += (double)dy[i] * ws[i];
            }

            var beta = Beta.Data[0];
            if (Beta.RequiresGrad)
            {
                Beta.Grad[0] += (float)(dot / Norm);
            }

            if (W.RequiresGrad)
            {
                var dw = W.Grad;
                var direct = beta / Norm;
                var radial = (float)(beta * dot / ((double)Norm * Norm * Norm));
                for (var i = 0; i < ws.Length; i++)
                {
                    dw[i] += (direct * dy[i]) - (radial * ws[i]);
                }
            }
        }
    }
}
