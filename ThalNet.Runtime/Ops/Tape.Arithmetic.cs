using System.Numerics.Tensors;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>a + b with NumPy broadcasting.</summary>
    public Tensor Add(Tensor a, Tensor b) => Binary(a, b, multiply: false);

    /// <summary>a * b (element-wise) with NumPy broadcasting.</summary>
    public Tensor Mul(Tensor a, Tensor b) => Binary(a, b, multiply: true);

    /// <summary>x * factor for a constant factor.</summary>
    public Tensor Scale(Tensor x, float factor)
    {
        var y = NewTensor(x.Shape, NeedsGrad(x));
        TensorPrimitives.Multiply(x.Data, factor, y.Data);
        if (y.RequiresGrad)
        {
            var node = Record<ScaleNode>();
            node.X = x;
            node.Y = y;
            node.Factor = factor;
        }

        return y;
    }

    private Tensor Binary(Tensor a, Tensor b, bool multiply)
    {
        var name = multiply ? "Mul" : "Add";
        var plan = Broadcast.Create(name, a.Shape, b.Shape, out var shape);
        var y = NewTensor(shape, NeedsGrad(a, b));
        if (a.Shape == b.Shape)
        {
            if (multiply)
            {
                TensorPrimitives.Multiply(a.Data, b.Data, y.Data);
            }
            else
            {
                TensorPrimitives.Add(a.Data, b.Data, y.Data);
            }
        }
        else
        {
            var visitor = new ForwardVisitor(a.Data, b.Data, y.Data, multiply);
            plan.ForEach(ref visitor);
        }

        if (y.RequiresGrad)
        {
            var node = Record<BinaryNode>();
            node.A = a;
            node.B = b;
            node.Y = y;
            node.Plan = plan;
            node.Multiply = multiply;
        }

        return y;
    }

    private ref struct ForwardVisitor(Span<float> a, Span<float> b, Span<float> y, bool multiply) : IBroadcastVisitor
    {
        private readonly Span<float> _a = a;
        private readonly Span<float> _b = b;
        private readonly Span<float> _y = y;

        public readonly void Visit(int output, int ai, int bi) =>
            _y[output] = multiply ? _a[ai] * _b[bi] : _a[ai] + _b[bi];
    }

    private ref struct BackwardVisitor(Span<float> a, Span<float> b, Span<float> dy, Span<float> da, Span<float> db, bool multiply) : IBroadcastVisitor
    {
        private readonly Span<float> _a = a;
        private readonly Span<float> _b = b;
        private readonly Span<float> _dy = dy;
        private readonly Span<float> _da = da;
        private readonly Span<float> _db = db;

        public readonly void Visit(int output, int ai, int bi)
        {
            var g = _dy[output];
            if (!_da.IsEmpty)
            {
                _da[ai] += multiply ? g * _b[bi] : g;
            }

            if (!_db.IsEmpty)
            {
                _db[bi] += multiply ? g * _a[ai] : g;
            }
        }
    }

    private sealed class BinaryNode : TapeNode
    {
        public Tensor A = null!;
        public Tensor B = null!;
        public Tensor Y = null!;
        public Broadcast Plan;
        public bool Multiply;

        public override void Backward()
        {
            var da = A.RequiresGrad ? A.Grad : Span<float>.Empty;
            var db = B.RequiresGrad ? B.Grad : Span<float>.Empty;
            var visitor = new BackwardVisitor(A.Data, B.Data, Y.Grad, da, db, Multiply);
            Plan.ForEach(ref visitor);
        }
    }

    private sealed class ScaleNode : TapeNode
    {
        public Tensor X = null!;
        public Tensor Y = null!;
        public float Factor;

        public override void Backward()
        {
            var dx = X.Grad;
            var dy = Y.Grad;
            for (var i = 0; i < dx.Length; i++)
            {
                dx[i] += Factor * dy[i];
            }
        }
    }
}
