using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>The fast Gaussian reading mechanism as a tape operation.</summary>
public sealed partial class Tape
{
    /// <summary>
    /// Fast Gaussian reading: mu = (C-1) σ(features @ wMean + bMean), sigma = softplus(features @ wScale + bScale) + 0.5,
    /// a[b, c, k] = softmax over c of -0.5 ((c - mu[b, k]) / sigma[b, k])^2, context[b, k] = sum_c a[b, c, k] center[b, c].
    /// Positions whose weight is below float32's resolution are skipped (bound in <see cref="FastGaussianKernels"/>).
    /// <paramref name="wMeanTransposed"/> and <paramref name="wScaleTransposed"/>, when given, are w_mean and w_scale
    /// transposed ([K, F]; a reader keeps them for a whole sequence), so the backward pass need not transpose them.
    /// </summary>
    public Tensor FastGaussianRead(Tensor center, Tensor features, Tensor wMean, Tensor bMean, Tensor wScale, Tensor bScale, IAttentionObserver? probe = null,
        Tensor? wMeanTransposed = null, Tensor? wScaleTransposed = null)
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
        FastGaussianKernels.Parameters(c, mu.Data, sigma.Data);
        var windows = NewTensor(Shape.Of(GaussianWindows.FloatsPer, m, k), requiresGrad: false);
        var inverseSums = NewTensor(Shape.Of(m, k), requiresGrad: false);
        var y = NewTensor(Shape.Of(m, k), needsGrad);
        FastGaussianKernels.Forward(m, c, k, mu.Data, sigma.Data, center.Data, windows.Data, inverseSums.Data, y.Data);
        if (probe is not null)
        {
            var full = NewTensor(Shape.Of(m, c, k), requiresGrad: false);
            FastGaussianKernels.WeightsCenterMajor(m, c, k, windows.Data, inverseSums.Data, mu.Data, full.Data);
            probe.Add(full.Data, m, c, k);
        }

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
            node.WMeanTransposed = wMeanTransposed;
            node.WScaleTransposed = wScaleTransposed;
            node.Mu = mu;
            node.Sigma = sigma;
            node.ScaleLogits = scaleLogits;
            node.Windows = windows;
            node.InverseSums = inverseSums;
            node.Y = y;
        }

        return y;
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
        public Tensor? WMeanTransposed;
        public Tensor? WScaleTransposed;
        public Tensor Mu = null!;
        public Tensor Sigma = null!;
        public Tensor ScaleLogits = null!;
        public Tensor Windows = null!;
        public Tensor InverseSums = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var (m, k, c) = (Mu.Shape[0], Mu.Shape[1], Center.Shape.Cols);
            var dMeanLogits = Tape.NewTensor(Shape.Of(m, k), requiresGrad: false);
            var dScaleLogits = Tape.NewTensor(Shape.Of(m, k), requiresGrad: false);
            FastGaussianKernels.Backward(m, c, k, Windows.Data, InverseSums.Data, Mu.Data, Sigma.Data, ScaleLogits.Data, Center.Data, Y.Data, Y.Grad,
                Center.RequiresGrad ? Center.Grad : Span<float>.Empty, dMeanLogits.Data, dScaleLogits.Data);
            Tape.AffineRightBackward(Features, WMean, BMean, dMeanLogits.Data, WMeanTransposed);
            Tape.AffineRightBackward(Features, WScale, BScale, dScaleLogits.Data, WScaleTransposed);
        }
    }
}
