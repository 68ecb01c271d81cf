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

    /// <summary>weight.Grad [N, K] += dy^T @ x for dy [M, N] and x [M, K], now or at the end of the backward pass.</summary>
    internal void AddWeightGradient(Tensor weight, int m, int n, int k, ReadOnlySpan<float> dy, ReadOnlySpan<float> x)
    {
        if (!DefersProductOf(m) || !weight.IsParameter)
        {
            Gemm.Run(n, k, m, dy, 1, n, x, k, weight.Grad, k, accumulate: true);
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

        deferred.Append(m, n, k, dy, x);
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

    private sealed class DeferredWeightGradient(Tensor weight)
    {
        private float[] _dy = [];
        private float[] _x = [];

        public int Rows { get; private set; }

        public void Append(int m, int n, int k, ReadOnlySpan<float> dy, ReadOnlySpan<float> x)
        {
            var rows = Rows + m;
            if (_dy.Length < rows * n || _x.Length < rows * k)
            {
                // Grows while the first batches are recorded; a steady-state pass allocates nothing.
                Array.Resize(ref _dy, Math.Max(rows * n, 2 * _dy.Length));
                Array.Resize(ref _x, Math.Max(rows * k, 2 * _x.Length));
            }

            dy[..(m * n)].CopyTo(_dy.AsSpan(Rows * n));
            x[..(m * k)].CopyTo(_x.AsSpan(Rows * k));
            Rows = rows;
        }

        public void Discard() => Rows = 0;

        public void Flush()
        {
            var (n, k) = (weight.Shape[0], weight.Shape[1]);
            Gemm.Run(n, k, Rows, _dy, 1, n, _x, k, weight.Grad, k, accumulate: true);
            Rows = 0;
        }
    }
}
