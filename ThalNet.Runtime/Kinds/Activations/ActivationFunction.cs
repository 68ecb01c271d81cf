namespace ThalNet.Runtime.Kernels;

/// <summary>
/// The engine's implementation of one activation of the catalog (<see cref="Activation"/>): its forward kernel, its
/// backward kernel and the contract callers rely on. <c>ActivationContractTests</c> checks every implementation
/// against that contract: in-place and out-of-place results are equal when <see cref="MayRunInPlace"/>, the
/// backward never reads the input unless <see cref="BackwardNeedsInput"/>, and it is the derivative of the forward.
/// </summary>
internal abstract class ActivationFunction
{
    /// <summary>
    /// Whether <see cref="Forward"/> may be given the same span as input and output (y overwriting x). An
    /// implementation that reads x after writing y (say SiLU as sigmoid into y, then y *= x) must say false.
    /// </summary>
    public abstract bool MayRunInPlace { get; }

    /// <summary>Whether <see cref="BackwardAdd"/> needs the input x as well as the output y (GELU); else x is passed empty.</summary>
    public abstract bool BackwardNeedsInput { get; }

    /// <summary>y = f(x), elementwise; x and y have the same length.</summary>
    public abstract void Forward(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>dx += dy * f'(x), written in terms of y = f(x) (and of x when <see cref="BackwardNeedsInput"/>; empty otherwise).</summary>
    public abstract void BackwardAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx);

    /// <summary>dx = dy * f'(x): the overwriting form of <see cref="BackwardAdd"/>.</summary>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        dx.Clear();
        BackwardAdd(x, y, dy, dx);
    }
}
