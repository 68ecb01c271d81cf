namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>
    /// Cross-entropy of logits [.., N] against class indices (one per row), averaged over all rows and multiplied by
    /// <paramref name="scale"/>. Stacked per-step logits [T, B, N] with targets [T * B] give the per-step sequence
    /// form (the mean over steps and batch).
    /// </summary>
    public Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> targets, float scale = 1f)
    {
        var rows = logits.Shape.Rows;
        var classes = logits.Shape.Cols;
        if (logits.Shape.Rank < 1 || targets.Length != rows)
        {
            throw new ShapeMismatchException("CrossEntropy", logits.Shape, Shape.Of(targets.Length), "expected one target per row of logits");
        }

        var y = NewTensor(Shape.Scalar, NeedsGrad(logits));
        var probabilities = NewTensor(logits.Shape, requiresGrad: false);
        var xs = logits.Data;
        var ps = probabilities.Data;
        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var t = targets[r];
            if ((uint)t >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), $"CrossEntropy: target {t} in row {r} is outside 0..{classes - 1}.");
            }

            var row = xs.Slice(r * classes, classes);
            var max = float.NegativeInfinity;
            foreach (var v in row)
            {
                max = MathF.Max(max, v);
            }

            var sum = 0f;
            var prow = ps.Slice(r * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                prow[c] = MathF.Exp(row[c] - max);
                sum += prow[c];
            }

            for (var c = 0; c < classes; c++)
            {
                prow[c] /= sum;
            }

            total += MathF.Log(sum) + max - row[t];
        }

        y.Data[0] = (float)(total / rows) * scale;
        if (y.RequiresGrad)
        {
            var node = Record<CrossEntropyNode>();
            node.Set(logits, probabilities, y, targets, scale / rows);
        }

        return y;
    }

    private sealed class CrossEntropyNode : TapeNode
    {
        private int[] _targets = [];
        private Tensor _logits = null!;
        private Tensor _probabilities = null!;
        private Tensor _y = null!;
        private float _rowScale;

        public void Set(Tensor logits, Tensor probabilities, Tensor y, ReadOnlySpan<int> targets, float rowScale)
        {
            if (_targets.Length != targets.Length)
            {
                _targets = new int[targets.Length];
            }

            targets.CopyTo(_targets);
            _logits = logits;
            _probabilities = probabilities;
            _y = y;
            _rowScale = rowScale;
        }

        public override void Backward()
        {
            var g = _y.Grad[0] * _rowScale;
            var classes = _logits.Shape.Cols;
            var dx = _logits.Grad;
            var ps = _probabilities.Data;
            for (var r = 0; r < _targets.Length; r++)
            {
                var offset = r * classes;
                for (var c = 0; c < classes; c++)
                {
                    dx[offset + c] += g * ps[offset + c];
                }

                dx[offset + _targets[r]] -= g;
            }
        }
    }
}
