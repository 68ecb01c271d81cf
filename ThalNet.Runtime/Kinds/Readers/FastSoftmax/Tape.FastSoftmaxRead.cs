using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>The fast softmax reading mechanism as a tape operation.</summary>
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
        var weights = NewTensor(Shape.Of(m, c, k), requiresGrad: false);
        var inverseSums = NewTensor(Shape.Of(m, k), requiresGrad: false);
        var y = NewTensor(Shape.Of(m, k), needsGrad);
        // The logits go to the scratch buffer, which stays in cache, and only the weights to the tensor kept for the backward pass.
        var logits = FastReadScratch(m * c * k);
        AffineRight(features, w, bias, logits);
        FastSoftmaxKernels.Forward(m, c, k, logits, weights.Data, center.Data, inverseSums.Data, y.Data);

        if (probe != null)
        {
            var attention = FastReadScratch(m * c * k);
            FastSoftmaxKernels.Normalise(m, c, k, weights.Data, inverseSums.Data, attention);
            probe.Add(attention, m, c, k);
        }

        if (needsGrad)
        {
            var node = Record<FastSoftmaxReadNode>();
            node.Tape = this;
            node.Center = center;
            node.Features = features;
            node.W = w;
            node.Bias = bias;
            node.WTransposed = wTransposed;
            node.Weights = weights;
            node.InverseSums = inverseSums;
            node.Y = y;
        }

        return y;
    }

    private sealed class FastSoftmaxReadNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor Center = null!;
        public Tensor Features = null!;
        public Tensor W = null!;
        public Tensor Bias = null!;
        public Tensor? WTransposed;
        public Tensor Weights = null!;
        public Tensor InverseSums = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            // d logits go to the tape's one scratch buffer, which stays in cache from one node to the next.
            var (m, c, f, k) = (Center.Shape.Rows, Center.Shape.Cols, Features.Shape.Cols, Y.Shape.Cols);
            var n = c * k;
            var dCenter = Center.RequiresGrad ? Center.Grad : Span<float>.Empty;
            var dLogits = Tape.FastReadScratch(m * n);
            if (f > FeatureGradientKernels.MaxFeatures)
            {
                FastSoftmaxKernels.Backward(m, c, k, Weights.Data, InverseSums.Data, Center.Data, Y.Data, Y.Grad, dLogits, dCenter, Span<float>.Empty);
                Tape.AffineRightBackward(Features, W, Bias, dLogits, WTransposed);
                return;
            }

            FastSoftmaxKernels.Backward(m, c, k, Weights.Data, InverseSums.Data, Center.Data, Y.Data, Y.Grad, dLogits, dCenter,
                Bias.RequiresGrad ? Bias.Grad : Span<float>.Empty);
            if (Features.RequiresGrad)
            {
                FeatureGradientKernels.AddProductTransposed(m, n, f, dLogits, W.Data, Features.Grad, LaneMath.WidestLanes);
            }

            AffineRightWeightBackward(Features, W, dLogits);
        }
    }
}
