using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>
/// The blocked kernel against a scalar chain of fused multiply-adds in the order of p, bit for bit, on every row-block
/// size, column panel, tail and inner-dimension chunking, both vector widths and both row blockings.
/// </summary>
public sealed class GemmTests
{
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var m in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 25, 50 })
        {
            foreach (var n in new[] { 1, 7, 8, 12, 16, 24, 31, 32, 33, 44, 48, 50, 64, 100, 128 })
            {
                data.Add(m, n, 13);
                data.Add(m, n, 300);
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
        foreach (var (wide, accumulate, blocking) in Variants())
        {
            var previous = (Gemm.UseVector512, Gemm.RowBlocking);
            Gemm.UseVector512 = wide && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
            Gemm.RowBlocking = blocking;
            try
            {
                var c = (float[])initial.Clone();
                Gemm.Run(m, n, k, a, k, 1, b, n, c, n, accumulate);
                for (var i = 0; i < m; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var expected = accumulate ? initial[(i * n) + j] : 0f;
                        for (var p = 0; p < k; p++)
                        {
                            expected = MathF.FusedMultiplyAdd(a[(i * k) + p], b[(p * n) + j], expected);
                        }

                        Assert.True(expected == c[(i * n) + j], $"m={m} n={n} k={k} wide={wide} accumulate={accumulate} {blocking} at ({i},{j}): {c[(i * n) + j]} vs {expected}");
                    }
                }
            }
            finally
            {
                (Gemm.UseVector512, Gemm.RowBlocking) = previous;
            }
        }
    }

    [Theory]
    [InlineData(25)]
    [InlineData(5)]
    [InlineData(50)]
    public void Row_blockings_give_identical_bits(int m)
    {
        const int n = 300, k = 50;
        var random = new RandomSource((ulong)m);
        var a = Fill(m * k, random);
        var b = Fill(k * n, random);
        var initial = Fill(m * n, random);
        var results = new List<float[]>();
        var previous = Gemm.RowBlocking;
        try
        {
            foreach (var blocking in Enum.GetValues<GemmRowBlocking>())
            {
                Gemm.RowBlocking = blocking;
                var c = (float[])initial.Clone();
                Gemm.Run(m, n, k, a, k, 1, b, n, c, n, accumulate: true);
                results.Add(c);
            }
        }
        finally
        {
            Gemm.RowBlocking = previous;
        }

        Assert.Equal(results[0], results[1]);
    }

    [Theory]
    [InlineData(25, 8, new[] { 7, 6, 6, 6 })]
    [InlineData(25, 6, new[] { 5, 5, 5, 5, 5 })]
    [InlineData(5, 8, new[] { 5 })]
    [InlineData(9, 8, new[] { 5, 4 })]
    [InlineData(16, 8, new[] { 8, 8 })]
    [InlineData(1, 6, new[] { 1 })]
    public void Balanced_blocks_differ_by_one_row_at_most(int m, int maxRows, int[] expected)
    {
        var blocks = new List<int>();
        for (var left = m; left > 0; left -= blocks[^1])
        {
            blocks.Add(Gemm.BalancedBlock(left, maxRows));
        }

        Assert.Equal(expected, blocks);
    }

    [Theory]
    [InlineData(5, 50, 13)]
    [InlineData(25, 100, 300)]
    [InlineData(8, 7, 3)]
    public void A_bias_starts_every_row_as_a_copied_bias_would(int m, int n, int k)
    {
        var random = new RandomSource((ulong)(m + n + k));
        var a = Fill(m * k, random);
        var b = Fill(k * n, random);
        var bias = Fill(n, random);
        foreach (var wide in new[] { false, true })
        {
            var previous = Gemm.UseVector512;
            Gemm.UseVector512 = wide && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
            try
            {
                var copied = new float[m * n];
                for (var i = 0; i < m; i++)
                {
                    bias.CopyTo(copied, i * n);
                }

                Gemm.Run(m, n, k, a, k, 1, b, n, copied, n, accumulate: true);
                var fused = Fill(m * n, random); // whatever C held before is overwritten
                Gemm.Run(m, n, k, a, k, 1, b, n, fused, n, accumulate: false, bias);
                Assert.Equal(copied, fused);
            }
            finally
            {
                Gemm.UseVector512 = previous;
            }
        }
    }

    [Theory]
    [InlineData(50)]
    [InlineData(44)]
    [InlineData(7)]
    public void Masked_columns_past_n_are_never_written(int n)
    {
        const int m = 5, k = 13, ldc = 64;
        var random = new RandomSource((ulong)n);
        var a = Fill(m * k, random);
        var b = Fill(k * n, random);
        var bias = Fill(n, random);
        foreach (var (wide, accumulate, _) in Variants())
        {
            var previous = Gemm.UseVector512;
            Gemm.UseVector512 = wide && System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
            try
            {
                var c = new float[m * ldc];
                Array.Fill(c, float.NaN);
                for (var i = 0; i < m; i++)
                {
                    Array.Clear(c, i * ldc, n);
                }

                Gemm.Run(m, n, k, a, k, 1, b, n, c, ldc, accumulate, accumulate ? default : bias);
                for (var i = 0; i < m; i++)
                {
                    Assert.All(c.AsSpan((i * ldc) + n, ldc - n).ToArray(), v => Assert.True(float.IsNaN(v), $"wide={wide} row {i}: a column past n was written"));
                    Assert.All(c.AsSpan(i * ldc, n).ToArray(), v => Assert.False(float.IsNaN(v)));
                }
            }
            finally
            {
                Gemm.UseVector512 = previous;
            }
        }
    }

    [Fact]
    public void An_empty_inner_dimension_writes_zeros_or_keeps_c()
    {
        var c = new[] { 1f, 2f, 3f, 4f };
        Gemm.Run(2, 2, 0, [], 0, 1, [], 2, c, 2, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f], c);
        Gemm.Run(2, 2, 0, [], 0, 1, [], 2, c, 2, accumulate: false);
        Assert.Equal([0f, 0f, 0f, 0f], c);
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

    private static IEnumerable<(bool Wide, bool Accumulate, GemmRowBlocking Blocking)> Variants() =>
        from wide in new[] { false, true }
        from accumulate in new[] { false, true }
        from blocking in Enum.GetValues<GemmRowBlocking>()
        select (wide, accumulate, blocking);

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
