using System.Numerics.Tensors;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// One step of PyTorch's <c>nn.GRUCell</c> (gate rows r, z, n), fused:
    /// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
    /// n = tanh(W_in x + b_in + r ∘ (W_hn h + b_hn)), h' = (1 − z) ∘ n + z ∘ h.
    /// The transposed weights may be passed in when a layer caches them for the whole graph.
    /// </summary>
    public Tensor GruCell(
        Tensor x, Tensor h,
        Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh,
        Tensor? weightIhTransposed = null, Tensor? weightHhTransposed = null)
    {
        var hidden = h.Shape.Cols;
        var m = x.Shape.Rows;
        if (h.Shape.Rank != 2 || h.Shape[0] != m)
        {
            throw new ShapeMismatchException("GruCell", x.Shape, h.Shape, "x and h must be [B, I] and [B, H] with the same batch");
        }

        if (weightIh.Shape != Shape.Of(3 * hidden, x.Shape.Cols) || weightHh.Shape != Shape.Of(3 * hidden, hidden)
            || biasIh.Shape != Shape.Of(3 * hidden) || biasHh.Shape != Shape.Of(3 * hidden))
        {
            throw new ShapeMismatchException("GruCell", weightIh.Shape, weightHh.Shape,
                $"for x {x.Shape} and h {h.Shape} expected weight_ih [{3 * hidden}, {x.Shape.Cols}], weight_hh [{3 * hidden}, {hidden}] and biases [{3 * hidden}]");
        }

        var needsGrad = IsRecording && (x.RequiresGrad || h.RequiresGrad || weightIh.RequiresGrad || weightHh.RequiresGrad || biasIh.RequiresGrad || biasHh.RequiresGrad);
        using (NoGrad())
        {
            var gi = Linear(x, weightIh, biasIh, Activation.None, weightIhTransposed);
            var gh = Linear(h, weightHh, biasHh, Activation.None, weightHhTransposed);
            var rz = NewTensor(Shape.Of(m, 2 * hidden), requiresGrad: false);
            var n = NewTensor(Shape.Of(m, hidden), requiresGrad: false);
            var y = NewTensor(Shape.Of(m, hidden), needsGrad);
            GruKernels.Forward(m, hidden, gi.Data, gh.Data, h.Data, rz.Data, n.Data, y.Data);
            if (needsGrad)
            {
                var node = Record<GruCellNode>();
                node.Tape = this;
                node.X = x;
                node.H = h;
                node.WeightIh = weightIh;
                node.WeightHh = weightHh;
                node.BiasIh = biasIh;
                node.BiasHh = biasHh;
                node.Gh = gh;
                node.Rz = rz;
                node.N = n;
                node.Y = y;
            }

            return y;
        }
    }

    private sealed class GruCellNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor X = null!;
        public Tensor H = null!;
        public Tensor WeightIh = null!;
        public Tensor WeightHh = null!;
        public Tensor BiasIh = null!;
        public Tensor BiasHh = null!;
        public Tensor Gh = null!;
        public Tensor Rz = null!;
        public Tensor N = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var m = X.Shape.Rows;
            var hidden = H.Shape.Cols;
            var dgi = Tape.NewTensor(Shape.Of(m, 3 * hidden), requiresGrad: false);
            var dgh = Tape.NewTensor(Shape.Of(m, 3 * hidden), requiresGrad: false);
            var dhDirect = H.RequiresGrad ? H.Grad : Span<float>.Empty;
            GruKernels.Backward(m, hidden, Y.Grad, H.Data, Gh.Data, Rz.Data, N.Data, dgi.Data, dgh.Data, dhDirect);
            LinearBackward(m, 3 * hidden, X.Shape.Cols, X, WeightIh, BiasIh, dgi.Data);
            LinearBackward(m, 3 * hidden, hidden, H, WeightHh, BiasHh, dgh.Data);
        }
    }
}

internal static class GruKernels
{
    public static void Forward(int m, int hidden, ReadOnlySpan<float> gi, ReadOnlySpan<float> gh, ReadOnlySpan<float> h,
        Span<float> rz, Span<float> n, Span<float> y)
    {
        var h2 = 2 * hidden;
        var h3 = 3 * hidden;
        for (var r = 0; r < m; r++)
        {
            TensorPrimitives.Add(gi.Slice(r * h3, h2), gh.Slice(r * h3, h2), rz.Slice(r * h2, h2));
        }

        TensorPrimitives.Sigmoid(rz, rz);
        for (var r = 0; r < m; r++)
        {
            var nRow = n.Slice(r * hidden, hidden);
            TensorPrimitives.FusedMultiplyAdd(rz.Slice(r * h2, hidden), gh.Slice((r * h3) + h2, hidden), gi.Slice((r * h3) + h2, hidden), nRow);
        }

        TensorPrimitives.Tanh(n, n);
        for (var r = 0; r < m; r++)
        {
            var z = rz.Slice((r * h2) + hidden, hidden);
            var nRow = n.Slice(r * hidden, hidden);
            var hRow = h.Slice(r * hidden, hidden);
            var yRow = y.Slice(r * hidden, hidden);
            for (var j = 0; j < hidden; j++)
            {
                yRow[j] = nRow[j] + (z[j] * (hRow[j] - nRow[j]));
            }
        }
    }

    /// <summary>Writes the gradients of the pre-activations dgi, dgh [M, 3H]; adds z ∘ dy into dh when given.</summary>
    public static void Backward(int m, int hidden, ReadOnlySpan<float> dy, ReadOnlySpan<float> h, ReadOnlySpan<float> gh,
        ReadOnlySpan<float> rz, ReadOnlySpan<float> n, Span<float> dgi, Span<float> dgh, Span<float> dh)
    {
        var h2 = 2 * hidden;
        var h3 = 3 * hidden;
        for (var row = 0; row < m; row++)
        {
            var o = row * hidden;
            for (var j = 0; j < hidden; j++)
            {
                var g = dy[o + j];
                var r = rz[(row * h2) + j];
                var z = rz[(row * h2) + hidden + j];
                var nv = n[o + j];
                var hv = h[o + j];
                var ghn = gh[(row * h3) + h2 + j];
                var dpreN = g * (1f - z) * (1f - (nv * nv));
                var dr = dpreN * ghn;
                var dpreR = dr * r * (1f - r);
                var dpreZ = g * (hv - nv) * z * (1f - z);
                var b = row * h3;
                dgi[b + j] = dpreR;
                dgi[b + hidden + j] = dpreZ;
                dgi[b + h2 + j] = dpreN;
                dgh[b + j] = dpreR;
                dgh[b + hidden + j] = dpreZ;
                dgh[b + h2 + j] = dpreN * r;
                if (!dh.IsEmpty)
                {
                    dh[o + j] += g * z;
                }
            }
        }
    }
}
