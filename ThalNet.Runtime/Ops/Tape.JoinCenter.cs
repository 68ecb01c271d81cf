using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// The new center [B, sum of sizes]: every module's features side by side, in center order. On a tape without a
    /// <see cref="Group"/> this is <see cref="Concat"/> along the columns. In a module-parallel pass each worker
    /// passes the features of its own modules (the others' entries are ignored), takes the rest from the workers that
    /// run them, and builds its own copy of the center; backward, the slices of a module the worker does not run go
    /// back to the worker that does, which adds them to its module's gradient in worker order.
    /// </summary>
    public Tensor JoinCenter(params ReadOnlySpan<Tensor> features)
    {
        if (Group is not { } group)
        {
            return Concat(1, features);
        }

        var join = group.NextJoin();
        var exchange = group.Exchange;
        var published = exchange.Features(join);
        for (var m = 0; m < features.Length; m++)
        {
            if (group.Runs(m))
            {
                published[m] = features[m];
            }
        }

        exchange.Barrier.SignalAndWait();
        var rows = features[0].Shape.Rows;
        var width = 0;
        foreach (var f in published)
        {
            width += f!.Shape.Cols;
        }

        var y = NewTensor(Shape.Of(rows, width), IsRecording);
        var offset = 0;
        foreach (var f in published)
        {
            var cols = f!.Shape.Cols;
            VectorMath.CopyRows(f.Data, cols, y.Data[offset..], width, rows, cols);
            offset += cols;
        }

        // Recorded whether or not any part needs a gradient: every worker must meet at every join backward too.
        if (IsRecording)
        {
            var node = Record<JoinCenterNode>();
            node.Set(this, group, join, published, y);
        }

        return y;
    }

    private sealed class JoinCenterNode : TapeNode
    {
        private Tensor[] _parts = [];
        private Tape _tape = null!;
        private ModuleGroup _group = null!;
        private int _join;
        private Tensor _y = null!;

        public void Set(Tape tape, ModuleGroup group, int join, Tensor?[] parts, Tensor y)
        {
            if (_parts.Length != parts.Length)
            {
                _parts = new Tensor[parts.Length];
            }

            for (var m = 0; m < parts.Length; m++)
            {
                _parts[m] = parts[m]!;
            }

            (_tape, _group, _join, _y) = (tape, group, join, y);
        }

        public override void Backward()
        {
            var exchange = _group.Exchange;
            var sent = exchange.Gradients(_join, _group.Index);
            var (rows, width) = (_y.Shape.Rows, _y.Shape.Cols);
            var dy = _y.Grad;
            var offset = 0;
            for (var m = 0; m < _parts.Length; m++)
            {
                var part = _parts[m];
                var cols = part.Shape.Cols;
                if (_group.Runs(m))
                {
                    if (part.RequiresGrad)
                    {
                        VectorMath.AddRows(dy[offset..], width, part.Grad, cols, rows, cols);
                    }
                }
                else
                {
                    var gradient = _tape.NewTensor(Shape.Of(rows, cols), requiresGrad: false);
                    gradient.Data.Clear();
                    VectorMath.AddRows(dy[offset..], width, gradient.Data, cols, rows, cols);
                    sent[m] = gradient;
                }

                offset += cols;
            }

            exchange.Barrier.SignalAndWait();
            for (var m = 0; m < _parts.Length; m++)
            {
                if (!_group.Runs(m) || !_parts[m].RequiresGrad)
                {
                    continue;
                }

                for (var w = 0; w < exchange.Workers; w++)
                {
                    if (w != _group.Index)
                    {
                        VectorMath.AddInPlace(_parts[m].Grad, exchange.Gradients(_join, w)[m]!.Data);
                    }
                }
            }
        }
    }
}
