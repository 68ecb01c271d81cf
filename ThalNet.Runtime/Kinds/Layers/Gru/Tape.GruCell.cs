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
            Tape.LinearBackward(m, 3 * hidden, X.Shape.Cols, X, WeightIh, BiasIh, dgi.Data);
            Tape.LinearBackward(m, 3 * hidden, hidden, H, WeightHh, BiasHh, dgh.Data);
        }
    }
}
