using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>The blocked kernel against a double-precision triple loop on every block shape and tail, both vector widths.</summary>
public sealed class GemmTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var m in new[] { 1, 3, 4, 5, 25 })
        {
            foreach (var n in new[] { 1, 7, 8, 16, 24, 32, 33, 48, 64, 100, 128 })
            {
                data.Add(m, n, 13);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Blocked_product_matches_the_reference(int m, int n, int k)
    {
        var random = new RandomSource((ulong)((m * 1000) + n));
        var a = Fill(m * k, random);
        var b = Fill(k * n, random);
        var initial = Fill(m * n, random);
        foreach (var wide in new[] { false, true })
        {
            foreach (var accumulate in new[] { false, true })
            {
                var previous = Gemm.UseVector512;
                Gemm.UseVector512 = wide && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
                try
                {
                    var c = (float[])initial.Clone();
                    Gemm.Run(m, n, k, a, k, 1, b, n, c, n, accumulate);
                    for (var i = 0; i < m; i++)
                    {
                        for (var j = 0; j < n; j++)
                        {
                            var expected = accumulate ? initial[(i * n) + j] : 0.0;
                            for (var p = 0; p < k; p++)
                            {
                                expected += (double)a[(i * k) + p] * b[(p * n) + j];
                            }

                            Assert.True(Math.Abs(expected - c[(i * n) + j]) < 1e-4, $"m={m} n={n} wide={wide} accumulate={accumulate} at ({i},{j}): {c[(i * n) + j]} vs {expected}");
                        }
                    }
                }
                finally
                {
                    Gemm.UseVector512 = previous;
                }
            }
        }
    }

    [Fact]
    public void Strided_a_reads_the_transpose()
    {
        var random = new RandomSource(5);
        const int m = 6, n = 40, k = 9;
        var at = Fill(k * m, random); // A^T stored [k, m]
        var b = Fill(k * n, random);
        var c = new float[m * n];
        Gemm.Run(m, n, k, at, 1, m, b, n, c, n, accumulate: false);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = 0.0;
                for (var p = 0; p < k; p++)
                {
                    expected += (double)at[(p * m) + i] * b[(p * n) + j];
                }

                Assert.Equal(expected, c[(i * n) + j], 4);
            }
        }
    }

    private static float[] Fill(int length, RandomSource random)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.NextUniform(-1f, 1f);
        }

        return values;
    }
}
