using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class ScalesTests
{
    [Fact]
    public void Percentiles_interpolate_like_numpy_and_use_magnitudes()
    {
        var values = Enumerable.Range(1, 100).Select(i => i % 2 == 0 ? (float)i : -i).ToArray();

        var scale = MagnitudeScale.FromPercentiles(values);

        Assert.Equal(5.95, scale.Low, 9);
        Assert.Equal(95.05, scale.High, 9);
    }

    [Fact]
    public void Normalize_clamps_outside_the_percentiles()
    {
        var scale = new MagnitudeScale(2, 6);

        Assert.Equal(0, scale.Normalize(0));
        Assert.Equal(0, scale.Normalize(1.5));
        Assert.Equal(0.5, scale.Normalize(-4));
        Assert.Equal(1, scale.Normalize(6));
        Assert.Equal(1, scale.Normalize(-1000));
        Assert.True(double.IsNaN(scale.Normalize(double.NaN)));
    }

    [Fact]
    public void Outliers_do_not_stretch_the_scale()
    {
        var values = Enumerable.Repeat(1f, 99).Append(1e6f).ToArray();

        var scale = MagnitudeScale.FromPercentiles(values);

        Assert.Equal(1, scale.High);
        Assert.Equal(1, scale.Normalize(1e6));
    }

    [Fact]
    public void Constant_and_empty_inputs_have_defined_scales()
    {
        Assert.Equal(1, MagnitudeScale.FromPercentiles([2f, 2f, 2f]).Normalize(2));
        Assert.Equal(0, MagnitudeScale.FromPercentiles([0f, 0f]).Normalize(0));
        Assert.Equal(new MagnitudeScale(0, 0), MagnitudeScale.FromPercentiles([float.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MagnitudeScale.FromPercentiles([1f], 90, 10));
    }

    [Fact]
    public void Colour_scales_clamp_and_interpolate()
    {
        Assert.Equal("#000000", ColorScale.Grey.Map(-1));
        Assert.Equal("#808080", ColorScale.Grey.Map(0.5));
        Assert.Equal("#ffffff", ColorScale.Grey.Map(2));
        Assert.Equal("#440154", ColorScale.Viridis.Map(0));
        Assert.Equal("#fde725", ColorScale.Viridis.Map(1));
        Assert.Equal("#ff00ff", ColorScale.Viridis.Map(double.NaN));
        Assert.Throws<ArgumentException>(() => new ColorScale("#000000", "red"));
    }

    [Theory]
    [InlineData(0, 18750, 6, new[] { 0.0, 5000, 10000, 15000, 20000 })]
    [InlineData(0.31, 2.47, 5, new[] { 0.0, 0.5, 1, 1.5, 2, 2.5 })]
    [InlineData(-0.2, 0.3, 5, new[] { -0.2, -0.1, 0, 0.1, 0.2, 0.3 })]
    [InlineData(5, 5, 5, new[] { 4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6 })]
    public void Axis_ticks_are_round_numbers_enclosing_the_range(double min, double max, int target, double[] expected)
    {
        var ticks = AxisTicks.Nice(min, max, target);

        Assert.Equal(expected.Length, ticks.Length);
        for (var i = 0; i < ticks.Length; i++)
        {
            Assert.Equal(expected[i], ticks[i], 9);
        }

        Assert.Equal("0.30", AxisTicks.Label(0.30000000000000004, 0.05));
        Assert.Equal("15000", AxisTicks.Label(15000, 5000));
    }
}
