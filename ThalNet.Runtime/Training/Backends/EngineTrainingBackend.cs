using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Optim;

namespace ThalNet.Runtime.Training;

/// <summary>The engine's model and optimizer as the training loop sees them.</summary>
internal sealed class EngineTrainingBackend(SequenceModel model, Optimizer optimizer) : ITrainingBackend
{
    private readonly IReadOnlyList<KeyValuePair<string, Parameter>> _named = model.NamedParameters();
    private readonly IReadOnlyList<Parameter> _parameters = model.Parameters();

    public SequenceInfo Info => model.Info;

    public float LearningRate
    {
        get => optimizer.LearningRate;
        set => optimizer.LearningRate = value;
    }

    public long OptimizerStep => optimizer.StepCount;

    public IReadOnlyList<TensorEntry> SaveParameters() => [.. _named.Select(p => Checkpoint.Entry(p.Key, p.Value))];

    public void LoadParameters(SafeTensorsFile file) => Checkpoint.CopyParameters(model, file);

    public IReadOnlyList<TensorEntry> SaveOptimizerState() => [.. optimizer.StateTensors().Select(s => Checkpoint.Entry(s.Key, s.Value))];

    public void LoadOptimizerState(IReadOnlyDictionary<string, ReadOnlyMemory<float>> state)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, expected) in optimizer.StateTensors())
        {
            tensors[key] = Tensor.FromSpan(state[key].Span, expected.Shape);
        }

        optimizer.LoadStateTensors(tensors);
    }

    public void Step() => optimizer.Step();

    public void ClipGradients(float maxNorm) => GradientClipping.ClipByGlobalNorm(_parameters, maxNorm);

    public string? FirstNonFiniteParameter() => NonFiniteScan.First(_named, gradients: false);

    public string? FirstNonFiniteGradient() => NonFiniteScan.First(_named, gradients: true);
}
