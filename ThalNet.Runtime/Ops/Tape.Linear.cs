using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>Matrix product of a [M, K] and b [K, N] (leading dimensions of a are flattened into M).</summary>
    public Tensor MatMul(Tensor a, Tensor b)
    {
        if (b.Shape.Rank != 2 || a.Shape.Rank < 1 || a.Shape.Cols != b.Shape[0])
        {
            throw new ShapeMismatchException("MatMul", a.Shape, b.Shape, "expected [.., K] @ [K, N]");
        }

        var m = a.Shape.Rows;
        var k = b.Shape[0];
        var n = b.Shape[1];
        var y = NewTensor(a.Shape.WithDim(-1, n), NeedsGrad(a, b));
        Gemm.Run(m, n, k, a.Data, k, 1, b.Data, n, y.Data, n, accumulate: false);
        if (y.RequiresGrad)
        {
            var node = Record<MatMulNode>();
            node.Tape = this;
            node.A = a;
            node.B = b;
            node.Y = y;
        }

        return y;
    }

    /// <summary>
    /// act(x @ weight^T + bias), PyTorch's <c>nn.Linear</c> layout: weight [N, K], bias [N] or null.
    /// <paramref name="weightTransposed"/> may hold weight^T [K, N] already (layers cache it once per graph);
    /// otherwise it is computed here.
    /// </summary>
    public Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null, Activation activation = Activation.None, Tensor? weightTransposed = null)
    {
        if (weight.Shape.Rank != 2 || x.Shape.Rank < 1 || x.Shape.Cols != weight.Shape[1])
        {
            throw new ShapeMismatchException("Linear", x.Shape, weight.Shape, "expected x [.., K] and weight [N, K]");
        }

        var n = weight.Shape[0];
        var k = weight.Shape[1];
        if (bias is not null && (bias.Shape.Rank != 1 || bias.Shape[0] != n))
        {
            throw new ShapeMismatchException("Linear", weight.Shape, bias.Shape, "the bias must be [N] for weight [N, K]");
        }

        var wt = weightTransposed ?? TransposeConstant(weight);
        var m = x.Shape.Rows;
        var needsGrad = IsRecording && (x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false));
        var y = NewTensor(x.Shape.WithDim(-1, n), needsGrad);
        var ys = y.Data;
        var hot = OneHotColumns(x);
        if (hot > 0)
        {
            OneHotProducts.GatherRows(GatheredIndices(x), wt.Data, n, bias is null ? default : bias.Data, ys);
        }

        if (hot == 0 || hot < k)
        {
            Gemm.Run(m, n, k - hot, x.Data[hot..], k, 1, wt.Data[(hot * n)..], n, ys, n, accumulate: hot > 0, bias is null || hot > 0 ? default : bias.Data);
        }

        Tensor? preActivation = null;
        var function = activation == Activation.None ? null : ActivationFunctions.For(activation);
        if (function is not null)
        {
            if (!function.MayRunInPlace || (needsGrad && function.BackwardNeedsInput))
            {
                preActivation = NewTensor(y.Shape, requiresGrad: false);
                ys.CopyTo(preActivation.Data);
                function.Forward(preActivation.Data, ys);
                preActivation = function.BackwardNeedsInput ? preActivation : null;
            }
            else
            {
                function.Forward(ys, ys);
            }
        }

        if (needsGrad)
        {
            var node = Record<LinearNode>();
            node.Tape = this;
            node.X = x;
            node.Weight = weight;
            node.Bias = bias;
            node.Y = y;
            node.Function = function;
            node.PreActivation = preActivation;
        }

        return y;
    }

    /// <summary>A gradient-free copy of w^T for a 2-D w.</summary>
    public Tensor TransposeConstant(Tensor w)
    {
        if (w.Shape.Rank != 2)
        {
            throw new ShapeMismatchException("TransposeConstant", w.Shape, "expected a matrix");
        }

        var t = NewTensor(Shape.Of(w.Shape[1], w.Shape[0]), requiresGrad: false);
        Transpose.Run(w.Data, w.Shape[0], w.Shape[1], t.Data);
        return t;
    }

    /// <summary>dx += dy @ w, dw += dy^T @ x (deferred to the end of the pass for parameters), dbias += column sums of dy, for dy [M, N], w [N, K], x [M, K].</summary>
    internal void LinearBackward(int m, int n, int k, Tensor x, Tensor weight, Tensor? bias, ReadOnlySpan<float> dy)
    {
        if (x.RequiresGrad)
        {
            // Only the columns whose gradient is read (each is its own chain of multiply-adds, so this changes no bits).
            var from = x.LeadingColumnsWithoutGrad;
            Gemm.Run(m, k - from, n, dy, n, 1, weight.Data[from..], k, x.Grad[from..], k, accumulate: true);
        }

        if (weight.RequiresGrad)
        {
            AddWeightGradient(weight, m, n, k, dy, x);
        }

        if (bias is not null && bias.RequiresGrad)
        {
            VectorMath.AddColumnSums(dy, m, n, bias.Grad);
        }
    }

    private sealed class LinearNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor X = null!;
        public Tensor Weight = null!;
        public Tensor? Bias;
        public Tensor Y = null!;
        public ActivationFunction? Function;
        public Tensor? PreActivation;

        public override void Backward()
        {
            var n = Weight.Shape[0];
            var k = Weight.Shape[1];
            var m = X.Shape.Rows;
            ReadOnlySpan<float> dy = Y.Grad;
            if (Function is not null)
            {
                var pre = Tape.NewTensor(Y.Shape, requiresGrad: false);
                var x = PreActivation is null ? ReadOnlySpan<float>.Empty : PreActivation.Data;
                Function.Backward(x, Y.Data, dy, pre.Data);
                dy = pre.Data;
            }

            Tape.LinearBackward(m, n, k, X, Weight, Bias, dy);
        }
    }

    private sealed class MatMulNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor A = null!;
        public Tensor B = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var m = A.Shape.Rows;
            var k = B.Shape[0];
            var n = B.Shape[1];
            if (A.RequiresGrad)
            {
                // dA [M, K] += dY [M, N] @ B^T [N, K]
                var bt = Tape.TransposeConstant(B);
                Gemm.Run(m, k, n, Y.Grad, n, 1, bt.Data, k, A.Grad, k, accumulate: true);
            }

            if (B.RequiresGrad)
            {
                // dB [K, N] += A^T [K, M] @ dY [M, N]
                Gemm.Run(k, n, m, A.Data, 1, k, Y.Grad, n, B.Grad, n, accumulate: true);
            }
        }
    }
}
