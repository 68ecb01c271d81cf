using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>The fast reading mechanisms of ThalNet; formulas in the fixtures README and on each method.</summary>
public sealed partial class Tape
{
    /// <summary>
    /// Fast softmax reading: logits[b, c, k] = (features @ w + bias)[b, c * K + k], a = softmax over c,
    /// context[b, k] = sum_c a[b, c, k] * center[b, c]. w is [F, C * K], bias [C * K].
    /// </summary>
    public Tensor FastSoftmaxRead(Tensor center, Tensor features, Tensor w, Tensor bias, Tensor? wTransposed = null, IAttentionObserver? probe = null)
    {
        var (m, c) = (center.Shape.Rows, center.Shape.Cols);
        if (features.Shape.Rows != m || w.Shape.Rank != 2 || w.Shape[0] != features.Shape.Cols || w.Shape[1] % c != 0 || bias.Shape != Shape.Of(w.Shape[1]))
        {
            throw new ShapeMismatchException("FastSoftmaxRead", center.Shape, w.Shape,
                $"expected features [B, F] = {features.Shape}, w [F, C*K] and bias [C*K] = {bias.Shape} for center [B, C]");
        }

        var k = w.Shape[1] / c;
        var needsGrad = IsRecording && (center.RequiresGrad || features.RequiresGrad || w.RequiresGrad || bias.RequiresGrad);
        var attention = NewTensor(Shape.Of(m, c, k), requiresGrad: false);
        AffineRight(features, w, bias, attention.Data);
        var y = Attend(center, attention, k, needsGrad, probe);
        if (needsGrad)
        {
            var node = Record<FastSoftmaxReadNode>();
            node.Tape = this;
            node.Center = center;
            node.Features = features;
            node.W = w;
            node.Bias = bias;
            node.WTransposed = wTransposed;
            node.Attention = attention;
            node.Y = y;
        }

        return y;
    }

    /// <summary>
    /// Fast Gaussian reading: mu = (C-1) σ(features @ wMean + bMean), sigma = softplus(features @ wScale + bScale) + 0.5,
    /// a[b, c, k] = softmax over c of -0.5 ((c - mu[b, k]) / sigma[b, k])^2, context[b, k] = sum_c a[b, c, k] center[b, c].
    /// </summary>
    public Tensor FastGaussianRead(Tensor center, Tensor features, Tensor wMean, Tensor bMean, Tensor wScale, Tensor bScale, IAttentionObserver? probe = null)
    {
        var (m, c) = (center.Shape.Rows, center.Shape.Cols);
        var k = bMean.Length;
        var f = features.Shape.Cols;
        if (features.Shape.Rows != m || wMean.Shape != Shape.Of(f, k) || wScale.Shape != Shape.Of(f, k) || bScale.Shape != Shape.Of(k) || bMean.Shape != Shape.Of(k))
        {
            throw new ShapeMismatchException("FastGaussianRead", features.Shape, wMean.Shape,
                "expected features [B, F], w_mean and w_scale [F, K], b_mean and b_scale [K]");
        }

        var needsGrad = IsRecording && (center.RequiresGrad || features.RequiresGrad || wMean.RequiresGrad || bMean.RequiresGrad || wScale.RequiresGrad || bScale.RequiresGrad);
        var mu = NewTensor(Shape.Of(m, k), requiresGrad: false);
        var sigma = NewTensor(Shape.Of(m, k), requiresGrad: false);
        AffineRight(features, wMean, bMean, mu.Data);
        AffineRight(features, wScale, bScale, sigma.Data);
        var scaleLogits = NewTensor(Shape.Of(m, k), requiresGrad: false);
        sigma.Data.CopyTo(scaleLogits.Data);
        FastReadKernels.GaussianParameters(c, mu.Data, sigma.Data);
        var attention = NewTensor(Shape.Of(m, c, k), requiresGrad: false);
        FastReadKernels.GaussianLogits(m, c, k, mu.Data, sigma.Data, attention.Data);
        var y = Attend(center, attention, k, needsGrad, probe);
        if (needsGrad)
        {
            var node = Record<FastGaussianReadNode>();
            node.Tape = this;
            node.Center = center;
            node.Features = features;
            node.WMean = wMean;
            node.BMean = bMean;
            node.WScale = wScale;
            node.BScale = bScale;
            node.Mu = mu;
            node.Sigma = sigma;
            node.ScaleLogits = scaleLogits;
            node.Attention = attention;
            node.Y = y;
        }

        return y;
    }

    /// <summary>Turns attention logits [B, C, K] into weights (softmax over c, in place) and returns the context [B, K].</summary>
    private Tensor Attend(Tensor center, Tensor attention, int k, bool needsGrad, IAttentionObserver? probe)
    {
        var (m, c) = (center.Shape.Rows, center.Shape.Cols);
        FastReadKernels.SoftmaxOverCenter(m, c, k, attention.Data);
        probe?.Add(attention.Data, m, c, k);
        var y = NewTensor(Shape.Of(m, k), needsGrad);
        FastReadKernels.Context(m, c, k, attention.Data, center.Data, y.Data);
        return y;
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
        var m = x.Shape.Rows;
        var f = w.Shape[0];
        var n = w.Shape[1];
        if (x.RequiresGrad)
        {
            var wt = wTransposed ?? TransposeConstant(w);
            Gemm.Run(m, f, n, dy, n, 1, wt.Data, f, x.Grad, f, accumulate: true);
        }

        if (w.RequiresGrad)
        {
            Gemm.Run(f, n, m, x.Data, 1, f, dy, n, w.Grad, n, accumulate: true);
        }

        if (bias.RequiresGrad)
        {
            VectorMath.AddColumnSums(dy, m, n, bias.Grad);
        }
    }

    private sealed class FastSoftmaxReadNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor Center = null!;
        public Tensor Features = null!;
        public Tensor W = null!;
        public Tensor Bias = null!;
        public Tensor? WTransposed;
        public Tensor Attention = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var (m, c, k) = (Attention.Shape[0], Attention.Shape[1], Attention.Shape[2]);
            var dLogits = Tape.NewTensor(Attention.Shape, requiresGrad: false);
            FastReadKernels.Backward(m, c, k, Attention.Data, Center.Data, Y.Data, Y.Grad, dLogits.Data, Center.RequiresGrad ? Center.Grad : Span<float>.Empty);
            Tape.AffineRightBackward(Features, W, Bias, dLogits.Data, WTransposed);
        }
    }

    private sealed class FastGaussianReadNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor Center = null!;
        public Tensor Features = null!;
        public Tensor WMean = null!;
        public Tensor BMean = null!;
        public Tensor WScale = null!;
        public Tensor BScale = null!;
        public Tensor Mu = null!;
        public Tensor Sigma = null!;
        public Tensor ScaleLogits = null!;
        public Tensor Attention = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var (m, c, k) = (Attention.Shape[0], Attention.Shape[1], Attention.Shape[2]);
            var dLogits = Tape.NewTensor(Attention.Shape, requiresGrad: false);
            FastReadKernels.Backward(m, c, k, Attention.Data, Center.Data, Y.Data, Y.Grad, dLogits.Data, Center.RequiresGrad ? Center.Grad : Span<float>.Empty);
            var dMeanLogits = Tape.NewTensor(Shape.Of(m, k), requiresGrad: false);
            var dScaleLogits = Tape.NewTensor(Shape.Of(m, k), requiresGrad: false);
            FastReadKernels.GaussianBackward(m, c, k, dLogits.Data, Mu.Data, Sigma.Data, ScaleLogits.Data, dMeanLogits.Data, dScaleLogits.Data);
            Tape.AffineRightBackward(Features, WMean, BMean, dMeanLogits.Data, null);
            Tape.AffineRightBackward(Features, WScale, BScale, dScaleLogits.Data, null);
        }
    }
}
