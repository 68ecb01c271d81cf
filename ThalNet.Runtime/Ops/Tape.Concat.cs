using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>Joins tensors along <paramref name="axis"/>; all other dimensions must agree.</summary>
    public Tensor Concat(int axis, params ReadOnlySpan<Tensor> parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(parts));
        }

        var first = parts[0].Shape;
        var a = first.NormalizeAxis(axis);
        var total = 0;
        var needsGrad = false;
        foreach (var p in parts)
        {
            if (p.Shape.Rank != first.Rank)
            {
                throw new ShapeMismatchException("Concat", first, p.Shape, "ranks differ");
            }

            for (var d = 0; d < first.Rank; d++)
            {
                if (d != a && p.Shape[d] != first[d])
                {
                    throw new ShapeMismatchException("Concat", first, p.Shape, $"dimension {d} differs outside the concatenation axis {a}");
                }
            }

            total += p.Shape[a];
            needsGrad |= p.RequiresGrad;
        }

        var y = NewTensor(first.WithDim(a, total), IsRecording && needsGrad);
        var (outer, _, inner) = y.Shape.Around(a);
        var ys = y.Data;
        var offset = 0;
        foreach (var p in parts)
        {
            var width = p.Shape[a] * inner;
            VectorMath.CopyRows(p.Data, width, ys[offset..], total * inner, outer, width);
            offset += width;
        }

        if (a == y.Shape.Rank - 1)
        {
            KeepOneHotColumns(parts[0], y);
        }

        if (y.RequiresGrad)
        {
            var node = Record<ConcatNode>();
            node.Set(parts, y, a);
        }

        return y;
    }

    /// <summary>Entries [start, start+length) along <paramref name="axis"/>, copied.</summary>
    public Tensor Slice(Tensor x, int axis, int start, int length)
    {
        var a = x.Shape.NormalizeAxis(axis);
        if (start < 0 || length < 0 || start + length > x.Shape[a])
        {
            throw new ShapeMismatchException("Slice", x.Shape, $"range {start}..{start + length} is outside axis {a}");
        }

        var y = NewTensor(x.Shape.WithDim(a, length), NeedsGrad(x));
        var (outer, full, inner) = x.Shape.Around(a);
        var width = length * inner;
        VectorMath.CopyRows(x.Data[(start * inner)..], full * inner, y.Data, width, outer, width);

        if (y.RequiresGrad)
        {
            var node = Record<SliceNode>();
            node.X = x;
            node.Y = y;
            node.Axis = a;
            node.Start = start;
        }

        return y;
    }

    private sealed class ConcatNode : TapeNode
    {
        private Tensor[] _parts = [];
        private int _count;
        private Tensor _y = null!;
        private int _axis;

        public void Set(ReadOnlySpan<Tensor> parts, Tensor y, int axis)
        {
            if (_parts.Length < parts.Length)
            {
                _parts = new Tensor[parts.Length];
            }

            parts.CopyTo(_parts);
            _count = parts.Length;
            _y = y;
            _axis = axis;
        }

        public override void Backward()
        {
            var (outer, total, inner) = _y.Shape.Around(_axis);
            var dy = _y.Grad;
            var offset = 0;
            for (var i = 0; i < _count; i++)
            {
                var p = _parts[i];
                var width = p.Shape[_axis] * inner;
                if (p.RequiresGrad)
                {
                    VectorMath.AddRows(dy[offset..], total * inner, p.Grad, width, outer, width);
                }

                offset += width;
            }
        }
    }

    private sealed class SliceNode : TapeNode
    {
        public Tensor X = null!;
        public Tensor Y = null!;
        public int Axis;
        public int Start;

        public override void Backward()
        {
            var (outer, full, inner) = X.Shape.Around(Axis);
            var width = Y.Shape[Axis] * inner;
            VectorMath.AddRows(Y.Grad, width, X.Grad[(Start * inner)..], full * inner, outer, width);
        }
    }
}
