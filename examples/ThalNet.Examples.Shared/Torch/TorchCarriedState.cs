using ThalNet.Runtime.IO;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.Examples.Torch;

/// <summary>
/// A language model's recurrent state carried from one segment to the next on TorchSharp: detached tensors that
/// outlive every batch's dispose scope (the ones a segment replaces are disposed), saved in checkpoints as the engine
/// saves its own (<see cref="CarriedStateTensors"/>: <c>state.{name}</c>, [streams, width]).
/// </summary>
internal sealed class TorchCarriedState(TorchThalNetModel model, int streams)
{
    private TorchTensor[] _held = [];

    public TorchModelState State { get; private set; } = null!;

    /// <summary>A zero state, as at the start of every epoch and evaluation.</summary>
    public void Zero() => Hold(model.CreateState(streams).Values);

    /// <summary>Keeps the state the last segment left, without its graph, and frees the one it started from.</summary>
    public void Persist()
    {
        State.Detach();
        Hold(State.Values);
    }

    /// <summary>Frees the held tensors (an evaluation's state, when it is done).</summary>
    public void Release()
    {
        foreach (var tensor in _held)
        {
            tensor.Dispose();
        }

        _held = [];
    }

    public IEnumerable<TensorEntry> ToTensors()
    {
        EnsureState();
        for (var i = 0; i < State.Names.Count; i++)
        {
            var values = TorchParameters.Copy(CarriedStateTensors.Prefix + State.Names[i], State.Values[i].reshape(streams, -1));
            yield return new TensorEntry(values.Name, values.Shape, values.Values);
        }
    }

    public IEnumerable<string> Problems(SafeTensorsFile file)
    {
        EnsureState();
        return CarriedStateTensors.Problems(file, State.Names, streams, [.. State.Values.Select(v => (int)(v.numel() / streams))]);
    }

    public void Load(SafeTensorsFile file)
    {
        EnsureState();
        var values = new TorchTensor[State.Names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var saved = file[CarriedStateTensors.Prefix + State.Names[i]];
            values[i] = torch.tensor(saved.Data.ToArray(), State.Values[i].shape, device: State.Values[i].device);
        }

        Hold(values);
    }

    private void EnsureState()
    {
        if (State is null)
        {
            Zero();
        }
    }

    private void Hold(TorchTensor[] values)
    {
        var previous = _held;
        _held = [.. values.Select(v => v.DetachFromDisposeScope())];
        State = new TorchModelState(State?.Names ?? model.StateNames, [.. _held]);
        foreach (var tensor in previous)
        {
            tensor.Dispose();
        }
    }
}
