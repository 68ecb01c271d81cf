using System;
using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class ImageSequencesTests
{
    private static ImageSet Mnist(int count) => new(
        DataFiles.MnistPixels(count).Select(b => b / 255f).ToArray(),
        Enumerable.Range(0, count).Select(i => i % 10).ToArray(),
        28,
        28,
        1,
        10);

    [Fact]
    public void Rows_are_28_steps_of_28_pixels_sharing_storage()
    {
        var images = Mnist(2);

        var rows = MnistSequences.Rows(images);

        Assert.Equal((2, 28, 28, 10), (rows.Count, rows.Steps, rows.Features, rows.Classes));
        Assert.True(rows.Inputs.Span == images.Pixels.Span);
    }

    [Fact]
    public void Permuted_applies_one_fixed_permutation_to_every_image()
    {
        var images = Mnist(3);

        var permuted = MnistSequences.Permuted(images, seed: 99);
        var permutation = ImageSequences.Permutation(784, seed: 99);

        Assert.Equal((28, 28), (permuted.Steps, permuted.Features));
        Assert.Equal(Enumerable.Range(0, 784), permutation.Order());
        Assert.NotEqual(Enumerable.Range(0, 784), permutation);
        for (var k = 0; k < 3; k++)
        {
            var source = images.Image(k);
            var example = permuted.Sequence(k);
            for (var j = 0; j < 784; j++)
            {
                Assert.Equal(source[permutation[j]], example[j]);
            }
        }

        Assert.Equal(images.Labels.ToArray(), permuted.Labels.ToArray());
    }

    [Fact]
    public void Permutation_depends_only_on_the_seed()
    {
        Assert.Equal(ImageSequences.Permutation(784, 5), ImageSequences.Permutation(784, 5));
        Assert.NotEqual(ImageSequences.Permutation(784, 5), ImageSequences.Permutation(784, 6));
    }

    [Fact]
    public void Step_width_is_configurable_and_must_divide_the_image()
    {
        var images = Mnist(1);

        var pixelByPixel = MnistSequences.Permuted(images, seed: 1, stepWidth: 1);

        Assert.Equal((784, 1), (pixelByPixel.Steps, pixelByPixel.Features));
        Assert.Equal(MnistSequences.Permuted(images, seed: 1).Inputs.ToArray(), pixelByPixel.Inputs.ToArray());
        Assert.Throws<ArgumentException>(() => MnistSequences.Permuted(images, seed: 1, stepWidth: 10));
    }
}
