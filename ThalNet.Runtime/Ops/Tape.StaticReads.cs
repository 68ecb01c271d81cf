using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>False makes <see cref="Nn.StaticReadGroup"/> read with one product per reader (the form before fusion); benchmarks compare both in one run.</summary>
    internal bool FuseStaticReads { get; set; } = true;

    /// <summary>
    /// Every static reader of a sub-step as one operation: contexts [B, ΣK] = center [B, C] @ matrices^T, where
    /// <paramref name="matrices"/> [ΣK, C] stacks the readers' matrices by rows (gradients flow into it) and
    /// <paramref name="transposedParts"/> holds each reader's matrix transposed, [C, K_i] (the forward product's B,
    /// packed per reader). Reader i's context is written straight into <paramref name="outputs"/>[i] =
    /// [prefixes[i]; context_i] (its module's inputs first, when it has any), so no concatenation follows. Backward
    /// forms the center's and the matrices' gradients with one product each over all readers.
    /// </summary>
    public void StaticReads(Tensor center, Tensor matrices, ReadOnlySpan<Tensor> transposedParts, ReadOnlySpan<Tensor?> prefixes, Span<Tensor> outputs)
    {
        var (m, c) = (center.Shape.Rows, center.Shape.Cols);
        var total = matrices.Shape[0];
        if (center.Shape.Rank != 2 || matrices.Shape != Shape.Of(total, c))
        {
            throw new ShapeMismatchException("StaticReads", center.Shape, matrices.Shape, $"expected center [B, C] and matrices [ΣK, C] with C = {c}");
        }

        CheckStaticReadSlots(m, c, total, transposedParts, prefixes, outputs.Length);
        var needsGrad = IsRecording && (center.RequiresGrad || matrices.RequiresGrad);
        foreach (var prefix in prefixes)
        {
            needsGrad |= IsRecording && prefix is { RequiresGrad: true };
        }

        for (var i = 0; i < transposedParts.Length; i++)
        {
            var prefix = prefixes[i];
            var prefixWidth = prefix?.Shape.Cols ?? 0;
            var k = transposedParts[i].Shape[1];
            var width = prefixWidth + k;
            var y = NewTensor(Shape.Of(m, width), needsGrad);
            y.LeadingColumnsWithoutGrad = prefix is { RequiresGrad: false } ? prefixWidth : 0;
            var ys = y.Data;
            if (prefix is not null)
            {
                VectorMath.CopyRows(prefix.Data, prefixWidth, ys, width, m, prefixWidth);
                KeepOneHotColumns(prefix, y);
            }

            Gemm.Run(m, k, c, center.Data, c, 1, transposedParts[i].Data, k, ys[prefixWidth..], width, accumulate: false);
            outputs[i] = y;
        }

        if (needsGrad)
        {
            var node = Record<StaticReadsNode>();
            node.Set(this, center, matrices, prefixes, outputs[..transposedParts.Length]);
        }
    }

    private static void CheckStaticReadSlots(int rows, int centerSize, int total, ReadOnlySpan<Tensor> transposedParts, ReadOnlySpan<Tensor?> prefixes, int outputCount)
    {
        if (prefixes.Length != transposedParts.Length || outputCount < transposedParts.Length)
        {
            throw new ArgumentException($"StaticReads: {transposedParts.Length} readers need as many prefixes (got {prefixes.Length}) and outputs (got {outputCount}).");
        }

        var sum = 0;
        foreach (var part in transposedParts)
        {
            if (part.Shape.Rank != 2 || part.Shape[0] != centerSize)
            {
                throw new ShapeMismatchException("StaticReads", part.Shape, $"each transposed reading matrix must be [C, K] with C = {centerSize}");
            }

            sum += part.Shape[1];
        }

        if (sum != total)
        {
            throw new ArgumentException($"StaticReads: the context sizes add up to {sum}, but the stacked matrices have {total} rows.");
        }

        foreach (var prefix in prefixes)
        {
            if (prefix is not null && (prefix.Shape.Rank != 2 || prefix.Shape[0] != rows))
            {
                throw new ShapeMismatchException("StaticReads", prefix.Shape, $"a module's inputs must be [B, I] with B = {rows}");
            }
        }
    }

    private sealed class StaticReadsNode : TapeNode
    {
        private Tape _tape = null!;
        private Tensor _center = null!;
        private Tensor _matrices = null!;
        private Tensor?[] _prefixes = [];
        private Tensor[] _outputs = [];
        private int _count;

        public void Set(Tape tape, Tensor center, Tensor matrices, ReadOnlySpan<Tensor?> prefixes, ReadOnlySpan<Tensor> outputs)
        {
            if (_outputs.Length < outputs.Length)
            {
                _prefixes = new Tensor?[outputs.Length];
                _outputs = new Tensor[outputs.Length];
            }

            _tape = tape;
            _center = center;
            _matrices = matrices;
            _count = outputs.Length;
            prefixes.CopyTo(_prefixes);
            outputs.CopyTo(_outputs);
        }

        /// <summary>Gathers the contexts' gradients into one [B, ΣK] block, then one product each for the center and the matrices.</summary>
        public override void Backward()
        {
            var (m, c) = (_center.Shape.Rows, _center.Shape.Cols);
            var total = _matrices.Shape[0];
            var dContexts = _tape.NewTensor(Shape.Of(m, total), requiresGrad: false);
            var dc = dContexts.Data;
            var offset = 0;
            for (var i = 0; i < _count; i++)
            {
                var prefix = _prefixes[i];
                var prefixWidth = prefix?.Shape.Cols ?? 0;
                var width = _outputs[i].Shape.Cols;
                var k = width - prefixWidth;
                var dy = _outputs[i].Grad;
                if (prefix is { RequiresGrad: true })
                {
                    VectorMath.AddRows(dy, width, prefix.Grad, prefixWidth, m, prefixWidth);
                }

                VectorMath.CopyRows(dy[prefixWidth..], width, dc[offset..], total, m, k);
                offset += k;
            }

            if (_center.RequiresGrad)
            {
                Gemm.Run(m, c, total, dc, total, 1, _matrices.Data, c, _center.Grad, c, accumulate: true);
            }

            if (_matrices.RequiresGrad)
            {
                Gemm.Run(total, c, m, dc, 1, total, _center.Data, c, _matrices.Grad, c, accumulate: true);
            }
        }
    }
}
