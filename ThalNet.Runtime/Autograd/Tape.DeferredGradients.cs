using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>
/// Weight gradients deferred over time, as cuDNN forms them: during backward, each step's layer input rows and output
/// gradient rows of a parameter are stacked, and at the end of the pass its gradient is one product over all
/// T x B rows instead of one small accumulating product per step. Only parameters (leaves) are deferred: a weight that
/// an operation computes (a weight-normalised reading matrix) needs its full gradient before that operation's
/// backward runs. The accumulation order is the same (rows in backward order), so both forms give identical bits.
/// Off by default: on a CPU the per-step product finds dy and x hot in L1, and the stacked form measured
/// 1.17-1.23x the time of a whole training step (train-step --threads 1 --compare deferred-weight-grads); it pays
/// where many small launches cost more than the memory traffic (GPUs, cuDNN).
/// </summary>
public sealed partial class Tape
{
    private readonly Dictionary<Tensor, DeferredWeightGradient> _deferred = [];
    private readonly List<DeferredWeightGradient> _pending = [];

    /// <summary>True stacks the rows and forms parameter gradients at the end of the pass; benchmarks compare both in one run.</summary>
    internal bool DeferWeightGradients { get; set; }

    /// <summary>weight.Grad [N, K] += dy^T @ x for dy [M, N] and x [M, K], now or at the end of the backward pass.</summary>
    internal void AddWeightGradient(Tensor weight, int m, int n, int k, ReadOnlySpan<float> dy, ReadOnlySpan<float> x)
    {
        if (!DeferWeightGradients || !weight.IsParameter)
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
