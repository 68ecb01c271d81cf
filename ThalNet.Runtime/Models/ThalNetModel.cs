using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Models;

/// <summary>
/// The base of every compiled ThalNet model, a <see cref="SequenceModel"/> whose modules share a center. Generated
/// code supplies the architecture (<see cref="Info"/>, the modules and readers, the state and the unrolled
/// <see cref="SequenceModel.StepCore"/>).
/// </summary>
public abstract class ThalNetModel : SequenceModel
{
    /// <summary>The center layout, modules and readers besides the inputs and outputs.</summary>
    public abstract override ModelInfo Info { get; }

    /// <summary>Each module's reader, in module (center) order.</summary>
    public abstract IReadOnlyList<Reader> Readers { get; }

    /// <summary>
    /// Whether <see cref="SequenceModel.StepCore"/> runs only the modules of its tape's <see cref="Tape.Group"/> and
    /// joins the center with <see cref="Tape.JoinCenter"/>, so that workers may split the modules
    /// (<see cref="Parallel.ParallelPlan.Modules"/>). Generated models do; a hand-written model says so by overriding this.
    /// </summary>
    public virtual bool RunsModuleGroups => false;

    /// <summary>When set, zeroes the given modules' slices of the center every sub-step (module ablation).</summary>
    public CenterAblation? Ablation { get; set; }

    /// <summary>
    /// When set, every sub-step of a model whose modules compete (<c>active: k</c>) adds to it the mask [B, M] of the
    /// modules that updated (1) and of those that kept their state (0), in step then sub-step order; a model whose
    /// modules all update adds nothing. The masks are its tape's tensors: read them before the tape is reset.
    /// </summary>
    public IList<Tensor>? ActiveMasks { get; set; }

    /// <summary>Adds a sub-step's mask of the active modules to <see cref="ActiveMasks"/> when it is set; returns the mask.</summary>
    /// <param name="mask">The mask [B, M] of the modules that update in this sub-step.</param>
    protected Tensor RecordActive(Tensor mask)
    {
        ActiveMasks?.Add(mask);
        return mask;
    }

    /// <summary>
    /// Whether the worker of <paramref name="tape"/> runs module <paramref name="module"/> (in center order): every
    /// module, unless the modules are split across workers (<see cref="Tape.Group"/>).
    /// </summary>
    protected static bool Runs(Tape tape, int module) => tape.Group?.Runs(module) ?? true;

    /// <summary>Applies <see cref="Ablation"/> to a freshly written center.</summary>
    protected Tensor Ablate(Tape tape, Tensor center) => Ablation is null ? center : Ablation.Apply(tape, center);
}
