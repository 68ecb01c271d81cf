using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// One step of PyTorch's <c>nn.LSTMCell</c> (gate rows i, f, g, o), fused:
    /// gates = x W_ih^T + b_ih + h W_hh^T + b_hh; i, f, o = σ(.), g = tanh(.);
    /// c' = f ∘ c + i ∘ g, h' = o ∘ tanh(c'). Returns h' and c', both [B, H].
    /// The transposed weights may be passed in when a layer caches them for the whole graph.
    /// </summary>
    public (Tensor H, Tensor C) LstmCell(
        Tensor x, Tensor h, Tensor c,
        Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh,
        Tensor? weightIhTransposed = null, Tensor? weightHhTransposed = null)
    {
        var hidden = h.Shape.Cols;
        var m = x.Shape.Rows;
        if (h.Shape.Rank != 2 || h.Shape[0] != m || c.Shape != h.Shape)
        {
            throw new ShapeMismatchException("LstmCell", x.Shape, h.Shape, $"x, h and c must be [B, I], [B, H] and [B, H] with the same batch; c is {c.Shape}");
        }

        if (weightIh.Shape != Shape.Of(4 * hidden, x.Shape.Cols) || weightHh.Shape != Shape.Of(4 * hidden, hidden)
            || biasIh.Shape != Shape.Of(4 * hidden) || biasHh.Shape != Shape.Of(4 * hidden))
        {
            throw new ShapeMismatchException("LstmCell", weightIh.Shape, weightHh.Shape,
                $"for x {x.Shape} and h {h.Shape} expected weight_ih [{4 * hidden}, {x.Shape.Cols}], weight_hh [{4 * hidden}, {hidden}] and biases [{4 * hidden}]");
        }

        var needsGrad = IsRecording && (x.RequiresGrad || h.RequiresGrad || c.RequiresGrad || weightIh.RequiresGrad
            || weightHh.RequiresGrad || biasIh.RequiresGrad || biasHh.RequiresGrad);
        using (NoGrad())
        {
            var gates = Linear(x, weightIh, biasIh, Activation.None, weightIhTransposed);
            var gh = Linear(h, weightHh, biasHh, Activation.None, weightHhTransposed);
            var cellTanh = NewTensor(Shape.Of(m, hidden), requiresGrad: false);
            var hNew = NewTensor(Shape.Of(m, hidden), needsGrad);
            var cNew = NewTensor(Shape.Of(m, hidden), needsGrad);
            LstmKernels.Forward(m, hidden, gates.Data, gh.Data, c.Data, cNew.Data, cellTanh.Data, hNew.Data);
            if (needsGrad)
            {
                var node = Record<LstmCellNode>();
                node.Tape = this;
                node.X = x;
                node.H = h;
                node.C = c;
                node.WeightIh = weightIh;
                node.WeightHh = weightHh;
                node.BiasIh = biasIh;
                node.BiasHh = biasHh;
                node.Gates = gates;
                node.CellTanh = cellTanh;
                node.HNew = hNew;
                node.CNew = cNew;
            }

            return (hNew, cNew);
        }
    }

    private sealed class LstmCellNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor X = null!;
        public Tensor H = null!;
        public Tensor C = null!;
        public Tensor WeightIh = null!;
        public Tensor WeightHh = null!;
        public Tensor BiasIh = null!;
        public Tensor BiasHh = null!;
        public Tensor Gates = null!;
        public Tensor CellTanh = null!;
        public Tensor HNew = null!;
        public Tensor CNew = null!;

        public override void Backward()
        {
            var m = X.Shape.Rows;
            var hidden = H.Shape.Cols;
            var dGates = Tape.NewTensor(Shape.Of(m, 4 * hidden), requiresGrad: false);
            var dc = C.RequiresGrad ? C.Grad : Span<float>.Empty;
            LstmKernels.Backward(m, hidden, HNew.Grad, CNew.Grad, Gates.Data, C.Data, CellTanh.Data, dGates.Data, dc);
            Tape.LinearBackward(m, 4 * hidden, X.Shape.Cols, X, WeightIh, BiasIh, dGates.Data);
            Tape.LinearBackward(m, 4 * hidden, hidden, H, WeightHh, BiasHh, dGates.Data);
        }
    }
}
