namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>The sum of all elements, as a scalar.</summary>
    public Tensor Sum(Tensor x) => ReduceAll(x, mean: false);

    /// <summary>The mean of all elements, as a scalar.</summary>
    public Tensor Mean(Tensor x) => ReduceAll(x, mean: true);

    /// <summary>Sums along <paramref name="axis"/>, removing it.</summary>
    public Tensor Sum(Tensor x, int axis) => ReduceAxis(x, axis, mean: false);

    /// <summary>Averages along <paramref name="axis"/>, removing it.</summary>
    public Tensor Mean(Tensor x, int axis) => ReduceAxis(x, axis, mean: true);

    private Tensor ReduceAll(Tensor x, bool mean)
    {
        var y = NewTensor(Shape.Scalar, NeedsGrad(x));
        var sum = 0.0;
        foreach (var v in x.Data)
        {
            sum += v;
        }

        var scale = mean ? 1f / Math.Max(x.Length, 1) : 1f;
        y.Data[0] = (float)sum * scale;
        if (y.RequiresGrad)
        {
            var node = Record<ReduceNode>();
            node.Set(x, y, axis: -1, scale);
        }

        return y;
    }

    private Tensor ReduceAxis(Tensor x, int axis, bool mean)
    {
        var a = x.Shape.NormalizeAxis(axis);
        var y = NewTensor(x.Shape.WithoutDim(a), NeedsGrad(x));
        var (outer, length, inner) = x.Shape.Around(a);
        var scale = mean ? 1f / Math.Max(length, 1) : 1f;
        var xs = x.Data;
        var ys = y.Data;
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var sum = 0f;
                for (var l = 0; l < length; l++)
                {
                    sum += xs[(((o * length) + l) * inner) + i];
                }

                ys[(o * inner) + i] = sum * scale;
            }
        }

        if (y.RequiresGrad)
        {
            var node = Record<ReduceNode>();
            node.Set(x, y, a, scale);
        }

        return y;
    }

    private sealed class ReduceNode : TapeNode
    {
        private Tensor _x = null!;
        private Tensor _y = null!;
        private int _axis;
        private float _scale;

        public void Set(Tensor x, Tensor y, int axis, float scale)
        {
            _x = x;
            _y = y;
            _axis = axis;
            _scale = scale;
        }

        public override void Backward()
        {
            var dx = _x.Grad;
            var dy = _y.Grad;
            if (_axis < 0)
            {
                var g = dy[0] * _scale;
                for (var i = 0; i < dx.Length; i++)
                {
                    dx[i] += g;
                }

                return;
            }

            var (outer, length, inner) = _x.Shape.Around(_axis);
            for (var o = 0; o < outer; o++)
            {
                for (var l = 0; l < length; l++)
                {
                    for (var i = 0; i < inner; i++)
                    {
                        dx[(((o * length) + l) * inner) + i] += dy[(o * inner) + i] * _scale;
                    }
                }
            }
        }
    }
}
