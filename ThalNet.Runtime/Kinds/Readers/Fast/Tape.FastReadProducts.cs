using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>
/// What the fast readers share: the products that turn features into attention parameters (in the readers' layout),
/// and one scratch buffer that an operation or backward node uses and drops (the fast softmax reader's logits, its d
/// logits and its probe's weights).
/// </summary>
public sealed partial class Tape
{
    private float[] _fastReadScratch = [];

    /// <summary>
    /// A buffer of <paramref name="length"/> floats, the same one every time (a tape records and runs backward on one
    /// thread), so it stays in cache where a new tensor per node would not.
    /// </summary>
    private Span<float> FastReadScratch(int length)
    {
        if (_fastReadScratch.Length < length)
        {
            _fastReadScratch = new float[length];
        }

        return _fastReadScratch.AsSpan(0, length);
    }

    /// <summary>y = x @ w + bias for w [F, N] (the readers' layout, not nn.Linear's).</summary>
    private static void AffineRight(Tensor x, Tensor w, Tensor bias, Span<float> y)
    {
        var m = x.Shape.Rows;
        var f = w.Shape[0];
        var n = w.Shape[1];
        Gemm.Run(m, n, f, x.Data, f, 1, w.Data, n, y, n, accumulate: false, bias.Data);
    }

    /// <summary>Backward of <see cref="AffineRight"/> given dy [M, N].</summary>
    private void AffineRightBackward(Tensor x, Tensor w, Tensor bias, ReadOnlySpan<float> dy, Tensor? wTransposed)
    {
        var (m, f, n) = (x.Shape.Rows, w.Shape[0], w.Shape[1]);
        if (x.RequiresGrad)
        {
            var wt = wTransposed ?? TransposeConstant(w);
            Gemm.Run(m, f, n, dy, n, 1, wt.Data, f, x.Grad, f, accumulate: true);
        }

        AffineRightWeightBackward(x, w, dy);
        if (bias.RequiresGrad)
        {
            VectorMath.AddColumnSums(dy, m, n, bias.Grad);
        }
    }

    /// <summary>The gradient of w alone of <see cref="AffineRight"/> given dy [M, N], where w requires one.</summary>
    private static void AffineRightWeightBackward(Tensor x, Tensor w, ReadOnlySpan<float> dy)
    {
        if (w.RequiresGrad)
        {
            var (m, f, n) = (x.Shape.Rows, w.Shape[0], w.Shape[1]);
            Gemm.Run(f, n, m, x.Data, 1, f, dy, n, w.Grad, n, accumulate: true);
        }
    }
}
