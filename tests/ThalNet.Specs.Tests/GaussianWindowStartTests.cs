namespace ThalNet.Specs.Tests;

public sealed class GaussianWindowStartTests
{
    [Theory]
    [InlineData(148, 37)]
    [InlineData(7, 3)]
    [InlineData(2, 9)]
    [InlineData(5000, 1)]
    [InlineData(40, 13)]
    public void Windows_start_evenly_spread_and_half_as_wide_as_their_spacing(int center, int context)
    {
        var means = GaussianWindowStart.MeanLogits(context);
        var scales = GaussianWindowStart.ScaleLogits(center, context);
        var halfSpacing = Math.Max((center - 1.0) / context / 2, 1.0);
        for (var k = 0; k < context; k++)
        {
            var mu = (center - 1) / (1 + Math.Exp(-means[k]));
            Assert.Equal((k + 0.5) / context * (center - 1), mu, 1e-3 * center);
            var sigma = (scales[k] > 20 ? scales[k] : Math.Log(1 + Math.Exp(scales[k]))) + 0.5;
            Assert.Equal(halfSpacing, sigma, 1e-4 * halfSpacing);
        }
    }

    [Fact]
    public void Every_computed_start_has_its_parameters_shape()
    {
        var computed = Catalog.Readings.SelectMany(e => e.Parameters.Where(p => p.Init == InitKind.Computed).Select(p => (e.Kind, p))).ToList();
        Assert.NotEmpty(computed);
        foreach (var sizes in new[] { new ReaderSizes(148, 37, 37), new ReaderSizes(3, 1, 2), new ReaderSizes(10, 20, 5) })
        {
            foreach (var (mechanism, p) in computed)
            {
                Assert.True(p.Shape(sizes).Aggregate(1L, (a, b) => a * b) == p.StartValues!(sizes).Length, $"{mechanism}.{p.Name} at {sizes}");
                Assert.False(string.IsNullOrEmpty(p.StartText), $"{mechanism}.{p.Name} has no text for the docs");
            }
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void Sizes_below_one_are_refused(int center, int context) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianWindowStart.ScaleLogits(center, context));
}
