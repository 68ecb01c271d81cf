namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>Softmax along <paramref name="axis"/> (negative counts from the last), computed stably; the result has
    /// x's shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range.</exception>
    public Tensor Softmax(Tensor x, int axis = -1) => SoftmaxCore(x, axis, log: false);

    /// <summary>Log-softmax along <paramref name="axis"/> (negative counts from the last), computed stably; the result
    /// has x's shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the axis is out of range.</exception>
    public Tensor LogSoftmax(Tensor x, int axis = -1) => SoftmaxCore(x, axis, log: true);

    private Tensor SoftmaxCore(Tensor x, int axis, bool log)
    {
        var a = x.Shape.NormalizeAxis(axis);
        var y = NewTensor(x.Shape, NeedsGrad(x));
        var (outer, length, inner) = x.Shape.Around(a);
        var xs = x.Data;
        var ys = y.Data;
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var baseIndex = (o * length * inner) + i;
                var max = float.NegativeInfinity;
                for (var l = 0; l < length; l++)
                {
                    max = MathF.Max(max, xs[baseIndex + (l * inner)]);
                }

                var sum = 0f;
                for (var l = 0; l < length; l++)
                {
                    var e = MathF.Exp(xs[baseIndex + (l * inner)] - max);
                    ys[baseIndex + (l * inner)] = e;
                    sum += e;
                }

                var logSum = MathF.Log(sum) + max;
                for (var l = 0; l < length; l++)
                {
                    var idx = baseIndex + (l * inner);
                    ys[idx] = log ? xs[idx] - logSum : ys[idx] / sum;
                }
            }
        }

        if (y.RequiresGrad)
        {
            var node = Record<SoftmaxNode>();
            node.X = x;
            node.Y = y;
            node.Axis = a;
            node.Log = log;
        }

        return y;
    }

    private sealed class SoftmaxNode : TapeNode
    {
        public Tensor X = null!;
        public Tensor Y = null!;
        public int Axis;
        public bool Log;

        public override void Backward()
        {
            var (outer, length, inner) = Y.Shape.Around(Axis);
            var ys = Y.Data;
            var dy = Y.Grad;
            var dx = X.Grad;
            for (var o = 0; o < outer; o++)
            {
                for (var i = 0; i < inner; i++)
                {
                    var baseIndex = (o * length * inner) + i;
                    var dot = 0f;
                    for (var l = 0; l < length; l++)
                    {
                        var idx = baseIndex + (l * inner);
                        dot += Log ? dy[idx] : dy[idx] * ys[idx];
                    }

                    for (var l = 0; l < length; l++)
                    {
                        var idx = baseIndex + (l * inner);
                        // softmax: y (dy - sum dy*y); log-softmax: dy - softmax * sum dy
                        dx[idx] += Log ? dy[idx] - (MathF.Exp(ys[idx]) * dot) : ys[idx] * (dy[idx] - dot);
                    }
                }
            }
        }
    }
}
