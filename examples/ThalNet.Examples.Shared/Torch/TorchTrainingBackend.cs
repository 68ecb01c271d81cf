using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;
using TorchSharp.Modules;
using EngineAdam = ThalNet.Runtime.Optim.Adam;
using EngineOptimizer = ThalNet.Runtime.Optim.Optimizer;
using EngineRmsProp = ThalNet.Runtime.Optim.RmsProp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.Examples.Torch;

/// <summary>
/// A TorchSharp model and torch.optim's RMSprop or Adam (PyTorch's update, the engine's hyper-parameters) as the
/// training loop sees them. The optimizer's per-parameter state (<c>square_avg</c>; <c>exp_avg</c>, <c>exp_avg_sq</c>)
/// is read and written in place through <c>state_dict().State</c>, under the engine's names and layout, so a
/// checkpoint resumes on either backend.
/// </summary>
public sealed class TorchTrainingBackend : ITrainingBackend, IDisposable
{
    private readonly TorchThalNetModel _model;
    private readonly OptimizerKind _kind;
    private readonly OptimizerHelper _optimizer;
    private readonly (string Name, Parameter Value)[] _parameters;
    private float _learningRate;

    public TorchTrainingBackend(TorchThalNetModel model, SequenceInfo info, OptimizerKind kind, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        _model = model;
        _kind = kind;
        Info = info;
        _parameters = [.. model.named_parameters()];
        var parameters = _parameters.Select(p => p.Value);
        _optimizer = kind switch
        {
            OptimizerKind.RmsProp => torch.optim.RMSProp(parameters, lr: learningRate, alpha: 0.99, eps: 1e-8),
            OptimizerKind.Adam => torch.optim.Adam(parameters, lr: learningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
        };
        _learningRate = learningRate;
    }

    public SequenceInfo Info { get; }

    public float LearningRate
    {
        get => _learningRate;
        set
        {
            _learningRate = value;
            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    public long OptimizerStep { get; private set; }

    public IReadOnlyList<TensorEntry> SaveParameters() =>
        [.. TorchParameters.Save(_model).Select(p => new TensorEntry(p.Name, p.Shape, p.Values))];

    public void LoadParameters(SafeTensorsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        TorchParameters.Load(_model, _parameters.Select(p => file[p.Name]).Select(t => new NamedValues(t.Name, t.Shape, t.Data)));
    }

    public IReadOnlyList<TensorEntry> SaveOptimizerState()
    {
        var entries = new List<TensorEntry> { new(EngineOptimizer.StepKey, [2], EngineOptimizer.EncodeStep(OptimizerStep)) };
        var states = _optimizer.state_dict().State;
        foreach (var buffer in Buffers())
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                var values = TorchParameters.Copy($"{buffer}.{_parameters[i].Name}", Buffer(states[i], buffer));
                entries.Add(new TensorEntry(values.Name, values.Shape, values.Values));
            }
        }

        return entries;
    }

    public void LoadOptimizerState(IReadOnlyDictionary<string, ReadOnlyMemory<float>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        OptimizerStep = EngineOptimizer.DecodeStep(state[EngineOptimizer.StepKey].Span);
        var states = _optimizer.state_dict().State;
        using var noGrad = torch.no_grad();
        foreach (var buffer in Buffers())
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                var target = Buffer(states[i], buffer);
                using var source = torch.tensor(state[$"{buffer}.{_parameters[i].Name}"].ToArray(), target.shape, device: target.device);
                target.copy_(source);
            }
        }

        foreach (var parameterState in states)
        {
            switch (parameterState)
            {
                case RMSProp.State rmsProp:
                    rmsProp.step = OptimizerStep;
                    break;
                case Adam.State adam:
                    adam.step = OptimizerStep;
                    break;
            }
        }
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        _optimizer.step();
        OptimizerStep++;
    }

    public void ClipGradients(float maxNorm)
    {
        using var scope = torch.NewDisposeScope();
        torch.nn.utils.clip_grad_norm_(_parameters.Select(p => p.Value), maxNorm);
    }

    public string? FirstNonFiniteParameter() => FirstNonFinite(gradients: false);

    public string? FirstNonFiniteGradient() => FirstNonFinite(gradients: true);

    public void Dispose() => _optimizer.Dispose();

    /// <summary>As the engine scans: one sum per tensor (here all in one synchronisation), element by element only where a sum is not finite.</summary>
    private string? FirstNonFinite(bool gradients)
    {
        using var scope = torch.NewDisposeScope();
        var tensors = _parameters.Select(p => (p.Name, Values: gradients ? p.Value.grad : p.Value.detach())).Where(p => p.Values is not null).ToList();
        if (tensors.Count == 0 || torch.stack(tensors.Select(t => t.Values!.sum())).isfinite().all().item<bool>())
        {
            return null;
        }

        foreach (var (name, values) in tensors)
        {
            var flat = values!.cpu().flatten().data<float>().ToArray();
            var index = Array.FindIndex(flat, v => !float.IsFinite(v));
            if (index >= 0)
            {
                return NonFiniteScan.Describe(name, index, flat[index]);
            }
        }

        return null;
    }

    private string[] Buffers() => _kind == OptimizerKind.Adam ? [EngineAdam.AverageBuffer, EngineAdam.SquareAverageBuffer] : [EngineRmsProp.SquareAverageBuffer];

    private static TorchTensor Buffer(OptimizerState state, string buffer) => (state, buffer) switch
    {
        (RMSProp.State s, EngineRmsProp.SquareAverageBuffer) => s.square_avg,
        (Adam.State s, EngineAdam.AverageBuffer) => s.exp_avg,
        (Adam.State s, EngineAdam.SquareAverageBuffer) => s.exp_avg_sq,
        _ => throw new InvalidOperationException($"The optimizer state {state.GetType().Name} has no buffer '{buffer}'."),
    };
}
