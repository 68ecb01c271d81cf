using Xunit.Sdk;

namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>The checker itself: it must pass correct gradients and reject wrong or vacuous ones.</summary>
public class GradientCheckerTests
{
    [Fact]
    public void Accepts_a_correct_gradient()
    {
        var x = RandomTensors.Uniform(new RandomSource(1), Shape.Of(3, 4));
        GradientChecker.Check(t => t.Mul(x, x), [("x", x)]);
    }

    [Fact]
    public void Rejects_a_gradient_that_misses_a_path()
    {
        // x * detach(x): the tape sees one path (gradient x) while the function's derivative is 2x.
        var x = RandomTensors.AwayFromZero(new RandomSource(2), Shape.Of(3, 4), 0.5f, 1f);
        var error = Assert.ThrowsAny<XunitException>(() => GradientChecker.Check(t => t.Mul(x, t.Detach(x)), [("x", x)]));
        Assert.Contains("12 gradient element(s) differ", error.Message, StringComparison.Ordinal);
        Assert.Contains("x[0, 0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_input_the_output_does_not_depend_on()
    {
        var random = new RandomSource(3);
        var used = RandomTensors.Uniform(random, Shape.Of(2, 2));
        var unused = RandomTensors.Uniform(random, Shape.Of(2, 2));
        var error = Assert.ThrowsAny<XunitException>(() => GradientChecker.Check(t => t.Tanh(used), [("used", used), ("unused", unused)]));
        Assert.Contains("'unused'", error.Message, StringComparison.Ordinal);
        Assert.Contains("vacuous", error.Message, StringComparison.Ordinal);
    }
}
