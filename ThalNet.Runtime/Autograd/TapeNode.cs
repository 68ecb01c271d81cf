namespace ThalNet.Runtime;

/// <summary>
/// One recorded operation. Nodes are pooled by position on their tape, so an operation sequence that repeats every
/// batch reuses the same node objects and allocates nothing once warm.
/// </summary>
internal abstract class TapeNode
{
    /// <summary>Adds this operation's input gradients, given the gradient already accumulated in its output.</summary>
    public abstract void Backward();
}
