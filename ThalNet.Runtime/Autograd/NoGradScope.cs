namespace ThalNet.Runtime;

/// <summary>Ends a <see cref="Tape.NoGrad"/> scope when disposed.</summary>
public readonly struct NoGradScope : IDisposable
{
    private readonly Tape _tape;

    internal NoGradScope(Tape tape) => _tape = tape;

    /// <summary>Ends the scope: the tape records operations again (unless an outer scope is still open).</summary>
    public void Dispose() => _tape.EndNoGrad();
}
