using System.Runtime.Intrinsics;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Kernels;

/// <summary>The width-generic kernels' functions at 16, 8 and 1 lanes against double-precision references and each other.</summary>
public sealed unsafe class LaneMathTests
{
    [Theory]
    [InlineData(-1e-3f, 0f)]
    [InlineData(-1f, 0f)]
    [InlineData(-30f, 0f)]
    [InlineData(-126f, -100f)]
    public void Exp2_of_non_positive_inputs_is_within_two_units_in_the_last_place_at_every_width(float low, float high)
    {
        for (var i = 0; i <= 2000; i++)
        {
            var x = low + ((high - low) * i / 2000f);
            var expected = Math.Pow(2, x);
            var narrow = LaneMath.Exp2NonPositive<Lanes256, Vector256<float>>(Vector256.Create(x)).GetElement(3);
            var wide = LaneMath.Exp2NonPositive<Lanes512, Vector512<float>>(Vector512.Create(x)).GetElement(15);
            var one = LaneMath.Exp2NonPositive<Lanes1, float>(x);
            var ulp = MathF.BitIncrement((float)expected) - (float)expected;
            Assert.True(Math.Abs(narrow - expected) <= 2 * ulp, $"2^{x} = {narrow}, expected {expected}");
            Assert.Equal(narrow, wide);
            Assert.Equal(narrow, one);
        }
    }

    [Theory]
    [InlineData(-40f, -31f)]
    [InlineData(-1000f, -3f)]
    public void Exp2_above_a_cutoff_is_zero_below_it(float cutoff, float x)
    {
        var narrow = LaneMath.Exp2Above<Lanes256, Vector256<float>>(Vector256.Create(x), Vector256.Create(cutoff)).GetElement(0);
        var wide = LaneMath.Exp2Above<Lanes512, Vector512<float>>(Vector512.Create(x), Vector512.Create(cutoff)).GetElement(0);
        Assert.Equal(x >= cutoff ? MathF.Pow(2, x) : 0f, narrow, x >= cutoff ? 1e-6f * MathF.Pow(2, x) : 0f);
        Assert.Equal(narrow, wide);
        Assert.Equal(narrow, LaneMath.Exp2Above<Lanes1, float>(x, cutoff));
    }

    [Fact]
    public void Row_sums_give_each_row_its_sum_at_both_widths()
    {
        AssertRowSums<Lanes256, Vector256<float>>();
        AssertRowSums<Lanes512, Vector512<float>>();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    public void Store_first_writes_only_those_lanes(int count)
    {
        var target = Enumerable.Repeat(-1f, 17).ToArray();
        fixed (float* p = target)
        {
            LaneMath.StoreFirst<Lanes512, Vector512<float>>(p, Vector512.Create(7f), count);
        }

        Assert.All(target.Take(count), v => Assert.Equal(7f, v));
        Assert.All(target.Skip(count), v => Assert.Equal(-1f, v));
    }

    private static void AssertRowSums<TLanes, TVector>()
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var n = TLanes.Count;
        var random = new RandomSource((ulong)n);
        var rows = new float[n * n];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.NextFloat() - 0.5f;
        }

        var sums = new float[n];
        fixed (float* p = rows, s = sums)
        {
            TLanes.Store(s, TLanes.RowSums(p));
        }

        for (var r = 0; r < n; r++)
        {
            Assert.Equal(rows.Skip(r * n).Take(n).Sum(v => (double)v), sums[r], 1e-5);
        }
    }
}
