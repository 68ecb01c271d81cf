using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using ThalNet.Runtime;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Benchmarks;

/// <summary>
/// The matrix kernel on ThalNet's shapes (batch shards of 5, 25 or 50 rows; a reader 128 -> 32, a GRU 32 -> 96) against a naive
/// triple loop (the baseline) and a dot-product formulation with TensorPrimitives.
/// Run: dotnet run -c Release --project tests/ThalNet.Benchmarks -- bdn --filter *Gemm*
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _bt = [];
    private float[] _c = [];

    [Params(5, 25, 50)]
    public int M { get; set; }

    [Params("128x32", "32x96", "128x128")]
    public string KxN { get; set; } = "128x32";

    private int K => int.Parse(KxN.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);

    private int N => int.Parse(KxN.Split('x')[1], System.Globalization.CultureInfo.InvariantCulture);

    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomSource(7);
        _a = Fill(M * K, random);
        _b = Fill(K * N, random);
        _bt = new float[K * N];
        Transpose.Run(_b, K, N, _bt);
        _c = new float[M * N];
    }

    [Benchmark(Baseline = true)]
    public void Naive()
    {
        int m = M, n = N, k = K;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum += _a[(i * k) + p] * _b[(p * n) + j];
                }

                _c[(i * n) + j] = sum;
            }
        }
    }

    [Benchmark]
    public void DotProducts()
    {
        int m = M, n = N, k = K;
        for (var i = 0; i < m; i++)
        {
            var row = _a.AsSpan(i * k, k);
            for (var j = 0; j < n; j++)
            {
                _c[(i * n) + j] = TensorPrimitives.Dot(row, _bt.AsSpan(j * k, k));
            }
        }
    }

    [Benchmark]
    public void BlockedFma256()
    {
        Gemm.RowBlocking = GemmRowBlocking.Balanced;
        Gemm.UseVector512 = false;
        Gemm.Run(M, N, K, _a, K, 1, _b, N, _c, N, accumulate: false);
    }

    [Benchmark]
    public void BlockedFma512()
    {
        Gemm.RowBlocking = GemmRowBlocking.Balanced;
        Gemm.UseVector512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        Gemm.Run(M, N, K, _a, K, 1, _b, N, _c, N, accumulate: false);
    }

    /// <summary>The simple row blocking (blocks of four, then single rows) at the widest vectors.</summary>
    [Benchmark]
    public void BlockedFma512FourRowBlocks()
    {
        Gemm.RowBlocking = GemmRowBlocking.FourRowsThenSingles;
        Gemm.UseVector512 = System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
        Gemm.Run(M, N, K, _a, K, 1, _b, N, _c, N, accumulate: false);
    }

    private static float[] Fill(int length, RandomSource random)
    {
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextUniform(-1f, 1f);
        }

        return values;
    }
}
