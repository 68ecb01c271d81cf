using System.Numerics.Tensors;
using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime.Tests.Catalog;

/// <summary>Every engine activation of the catalog keeps <see cref="ActivationContract"/>, and the check catches one that does not.</summary>
public sealed class ActivationContractTests
{
    public static TheoryData<Activation> Activations => new(Specs.Catalog.Activations.Select(e => e.Kind));

    [Theory]
    [MemberData(nameof(Activations))]
    public void Engine_activation_keeps_its_contract(Activation kind) => Assert.Empty(ActivationContract.Problems(ActivationFunctions.For(kind)));

    [Fact]
    public void A_SiLU_that_reads_its_input_after_writing_its_output_may_not_claim_to_run_in_place()
    {
        var problems = ActivationContract.Problems(new SiluWritingSigmoidFirst(mayRunInPlace: true));

        Assert.Contains(problems, p => p.Contains("in place", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_SiLU_keeps_the_contract_when_it_says_it_needs_its_own_output_buffer()
    {
        Assert.Empty(ActivationContract.Problems(new SiluWritingSigmoidFirst(mayRunInPlace: false)));
    }

    [Fact]
    public void A_backward_that_reads_the_input_must_say_so()
    {
        var problems = ActivationContract.Problems(new SiluWritingSigmoidFirst(mayRunInPlace: false, claimsBackwardNeedsInput: false));

        Assert.Contains(problems, p => p.Contains("reads its input", StringComparison.Ordinal));
    }

    /// <summary>x sigmoid(x) as sigmoid into y, then y *= x: in place the second step multiplies by sigmoid(x), giving sigmoid(x)².</summary>
    private sealed class SiluWritingSigmoidFirst(bool mayRunInPlace, bool claimsBackwardNeedsInput = true) : ActivationFunction
    {
        public override bool MayRunInPlace => mayRunInPlace;

        public override bool BackwardNeedsInput => claimsBackwardNeedsInput;

        public override void Forward(ReadOnlySpan<float> x, Span<float> y)
        {
            TensorPrimitives.Sigmoid(x, y);
            TensorPrimitives.Multiply(x, y, y);
        }

        public override void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        {
            for (var i = 0; i < dx.Length; i++)
            {
                var s = 1f / (1f + MathF.Exp(-x[i]));
                dx[i] += dy[i] * (s + (x[i] * s * (1f - s)));
            }
        }
    }
}
