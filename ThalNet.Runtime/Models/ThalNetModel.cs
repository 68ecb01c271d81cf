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

    /// <summary>When set, zeroes the given modules' slices of the center every sub-step (module ablation).</summary>
    public CenterAblation? Ablation { get; set; }

    /// <summary>Applies <see cref="Ablation"/> to a freshly written center.</summary>
    protected Tensor Ablate(Tape tape, Tensor center) => Ablation is null ? center : Ablation.Apply(tape, center);
}
