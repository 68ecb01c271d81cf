using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// What the training loop (<see cref="TrainingSession"/>) needs from a model and its optimizer, whatever runs them:
/// the engine (<see cref="Trainer{TModel}"/>) or another backend such as TorchSharp. Parameters and optimizer state
/// are exchanged as named float32 values under the engine's names and layouts, so a checkpoint written on one
/// backend resumes on another.
/// </summary>
public interface ITrainingBackend
{
    /// <summary>The model's name, inputs and outputs: what metrics are tallied by and checkpoints are checked against.</summary>
    SequenceInfo Info { get; }

    /// <summary>The learning rate of the next optimizer steps.</summary>
    float LearningRate { get; set; }

    /// <summary>Optimizer steps applied so far.</summary>
    long OptimizerStep { get; }

    /// <summary>Every parameter under its dotted path (<c>vision.gru.weight_ih</c>) with its shape and a copy of its values, in a fixed order.</summary>
    IReadOnlyList<TensorEntry> SaveParameters();

    /// <summary>Copies every parameter's values from the tensor of its name in <paramref name="file"/>; the caller has checked that all fit.</summary>
    void LoadParameters(SafeTensorsFile file);

    /// <summary>
    /// The optimizer's state named and laid out as the engine's <see cref="Optim.Optimizer.StateTensors"/>:
    /// <c>step</c> (<see cref="Optim.Optimizer.EncodeStep"/>) and one <c>{buffer}.{parameter path}</c> per buffer and parameter.
    /// </summary>
    IReadOnlyList<TensorEntry> SaveOptimizerState();

    /// <summary>Restores what <see cref="SaveOptimizerState"/> returns, by name; the caller has checked every name and shape.</summary>
    void LoadOptimizerState(IReadOnlyDictionary<string, ReadOnlyMemory<float>> state);

    /// <summary>One optimizer step with the gradients of the last backward pass.</summary>
    void Step();

    /// <summary>Rescales all gradients so their global L2 norm is at most <paramref name="maxNorm"/> (clip_grad_norm).</summary>
    void ClipGradients(float maxNorm);

    /// <summary>The first parameter holding a NaN or infinite value, as <c>'name'[index] = value</c>, or null when all are finite.</summary>
    string? FirstNonFiniteParameter();

    /// <summary>The first parameter whose gradient holds a NaN or infinite value, described as <see cref="FirstNonFiniteParameter"/> does.</summary>
    string? FirstNonFiniteGradient();
}
