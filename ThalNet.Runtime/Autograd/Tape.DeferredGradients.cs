using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>
/// Weight gradients deferred over time, as cuDNN forms them: during backward, each step's layer input rows and output
/// gradient rows of a parameter are stacked, and at the end of the pass its gradient is one product over all
/// T x B rows instead of one small accumulating product per step. Only parameters (leaves) are deferred: a weight that
/// an operation computes (a weight-normalised reading matrix) needs its full gradient before that operation's
/// backward runs. The accumulation order is the same (rows in backward order), so both forms give identical bits.
/// By default only products of fewer than <see cref="DeferBelowRows"/> rows are deferred: a per-step product of m
/// rows loads and stores every weight-gradient element for m multiply-adds, which at a language model's 5-row shards
/// costs more than stacking (whole step 1.22-1.24x faster deferred, train-step --model char-lm), while at
/// sequential MNIST's 25-row shards the per-step product finds dy and x hot in L1 (deferred 1.03-1.07x slower).
/// </summary>
public sealed partial class Tape
{
    private readonly Dictionary<Tensor, DeferredWeightGradient> _deferred = [];
    private readonly List<DeferredWeightGradient> _pending = [];

    /// <summary>Products with fewer rows than this have their parameter gradients deferred unless <see cref="DeferWeightGradients"/> says otherwise.</summary>
    internal const int DeferBelowRows = 16;

    /// <summary>True defers every parameter gradient, false none; null (the default) those of products with fewer than <see cref="DeferBelowRows"/> rows. Benchmarks compare the forms in one run.</summary>
    internal bool? DeferWeightGradients { get; set; }

    /// <summary>Whether the parameter gradient of a product of <paramref name="rows"/> rows waits for the end of the pass.</summary>
    internal bool DefersProductOf(int rows) => DeferWeightGradients ?? rows < DeferBelowRows;

    /// <summary>
    /// weight.Grad [N, K] += dy^T @ x for dy [M, N] and x [M, K], now or at the end of the backward pass. Columns of
    /// x known to be one-hot (<see cref="Tensor.OneHotWidth"/>) take each row of dy into their row's column instead.
    /// </summary>
    internal void AddWeightGradient(Tensor weight, int m, int n, int k, ReadOnlySpan<float> dy, Tensor x)
    {
        var hot = OneHotColumns(x);
        if (!DefersProductOf(m) || !weight.IsParameter)
        {
            Gemm.Run(n, k - hot, m, dy, 1, n, x.Data[hot..], k, weight.Grad[hot..], k, accumulate: true);
            OneHotProducts.ScatterRows(GatheredIndices(x), dy, n, k, weight.Grad);
            return;
        }

        if (!_deferred.TryGetValue(weight, out var deferred))
        {
            deferred = new DeferredWeightGradient(weight);
            _deferred.Add(weight, deferred);
        }

        if (deferred.Rows == 0)
        {
            _pending.Add(deferred);
        }

        deferred.Append(m, n, k, dy, x.Data, hot, GatheredIndices(x));
    }

    /// <summary>Forms every deferred weight gradient, in the order the weights were first met in this pass.</summary>
    private void FlushWeightGradients()
    {
        foreach (var deferred in _pending)
        {
            deferred.Flush();
        }

        _pending.Clear();
    }

    /// <summary>Drops rows a failed backward pass left behind, so they never reach the next pass's gradients.</summary>
    private void DiscardDeferredWeightGradients()
    {
        foreach (var deferred in _pending)
        {
            deferred.Discard();
        }

        _pending.Clear();
    }

    /// <summary>
    /// The stacked rows of one weight: dy, the columns of x after its one-hot ones, and the one-hot column of each row.
    /// </summary>
    private sealed class DeferredWeightGradient(Tensor weight)
    {
        private float[] _dy = [];
        private float[] _x = [];
        private int[] _hotIndices = [];
        private int _hot;

        public int Rows { get; private set; }

        public void Append(int m, int n, int k, ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int hot, ReadOnlySpan<int> hotIndices)
        {
            if (Rows > 0 && hot != _hot)
            {
                Flush(); // rows laid out otherwise: forming the stacked ones first keeps every element's order of additions
            }

            _hot = hot;
            var dense = k - hot;
            var rows = Rows + m;
            var indexed = hot == 0 ? 0 : rows;
            if (_dy.Length < rows * n || _x.Length < rows * dense || _hotIndices.Length < indexed)
            {
                // Grows while the first batches are recorded; a steady-state pass allocates nothing.
                Array.Resize(ref _dy, Math.Max(rows * n, 2 * _dy.Length));
                Array.Resize(ref _x, Math.Max(rows * dense, 2 * _x.Length));
                Array.Resize(ref _hotIndices, Math.Max(indexed, 2 * _hotIndices.Length));
            }

            dy[..(m * n)].CopyTo(_dy.AsSpan(Rows * n));
            VectorMath.CopyRows(x[hot..], k, _x.AsSpan(Rows * dense), dense, m, dense);
            if (hot > 0)
            {
                hotIndices.CopyTo(_hotIndices.AsSpan(Rows));
            }

            Rows = rows;
        }

        public void Discard() => Rows = 0;

        public void Flush()
        {
            var (n, k) = (weight.Shape[0], weight.Shape[1]);
            Gemm.Run(n, k - _hot, Rows, _dy, 1, n, _x, k - _hot, weight.Grad[_hot..], k, accumulate: true);
            OneHotProducts.ScatterRows(_hotIndices.AsSpan(0, _hot == 0 ? 0 : Rows), _dy, n, k, weight.Grad);
            Rows = 0;
        }
    }
}
