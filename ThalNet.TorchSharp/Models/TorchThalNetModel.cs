using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;

namespace ThalNet.TorchSharp.Models;

/// <summary>
/// The base of every generated TorchSharp ThalNet. As a <c>torch.nn.Module</c> it maps the model's input sequences
/// (in <see cref="TorchModelInfo.Inputs"/> order: dense [T, B, width] float32, tokens [T, B] int64) to its outputs
/// (in <see cref="TorchModelInfo.Outputs"/> order: [B, size] after the last step, or [T, B, size] for outputs
/// trained at every step). Generated code supplies the modules, the state layout and the unrolled <see cref="StepCore"/>.
/// </summary>
public abstract class TorchThalNetModel : nn.Module<Tensor[], Tensor[]>
{
    private Tensor? _ablationMask;

    /// <summary>Creates the model; the first model of a process sets libtorch's thread count as <see cref="TorchThreads"/> says.</summary>
    /// <param name="name">The module name TorchSharp registers (the model's class name).</param>
    protected TorchThalNetModel(string name)
        : base(name)
    {
        TorchThreads.ApplyDefault();
    }

    /// <summary>
    /// What the model is made of: its inputs, modules and outputs with their sizes, as the spec laid them out.
    /// </summary>
    public abstract TorchModelInfo Info { get; }

    /// <summary>Each module's reader, in module (center) order.</summary>
    public abstract IReadOnlyList<Reader> Readers { get; }

    /// <summary>Names of the recurrent state tensors, in the order <see cref="InitializeState"/> fills them.</summary>
    public abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>The device of the parameters (where inputs and state must live).</summary>
    public Device Device => parameters().First().device;

    /// <summary>Modules whose slices of the center are zeroed every sub-step (module ablation); empty for none.</summary>
    public IReadOnlyList<string> AblatedModules { get; private set; } = [];

    /// <summary>Zeroes the given modules' slices of the center every sub-step, so what they write reaches no reader; no names restores the model.</summary>
    public void Ablate(params string[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _ablationMask?.Dispose();
        _ablationMask = null;
        AblatedModules = modules;
        if (modules.Length == 0)
        {
            return;
        }

        var mask = Enumerable.Repeat(1f, Info.CenterSize).ToArray();
        foreach (var name in modules)
        {
            var module = Info.Modules.FirstOrDefault(m => m.Name == name)
                ?? throw new ArgumentException($"Model '{Info.Name}' has no module '{name}'.", nameof(modules));
            Array.Clear(mask, module.Offset, module.Size);
        }

        _ablationMask = torch.tensor(mask).DetachFromDisposeScope();
    }

    /// <summary>
    /// When set, every sub-step of a model whose modules compete (<c>active: k</c>) adds to it the mask [B, M] of the
    /// modules that updated (1) and of those that kept their state (0), in step then sub-step order; a model whose
    /// modules all update adds nothing. Each is a detached copy outside any dispose scope, which the list's owner disposes.
    /// </summary>
    public IList<Tensor>? ActiveMasks { get; set; }

    /// <summary>Adds a copy of a sub-step's mask of the active modules to <see cref="ActiveMasks"/> when it is set; returns the mask.</summary>
    /// <param name="mask">The mask [B, M] of the modules that update in this sub-step.</param>
    protected Tensor RecordActive(Tensor mask)
    {
        ActiveMasks?.Add(mask.detach().clone().DetachFromDisposeScope());
        return mask;
    }

    /// <summary>A new zero state for <paramref name="batch"/> sequences on the model's device.</summary>
    public TorchModelState CreateState(long batch)
    {
        var values = new Tensor[StateNames.Count];
        InitializeState(batch, Device, values);
        return new TorchModelState(StateNames, values);
    }

    /// <summary>Runs whole sequences from a zero state; see the class summary for the shapes.</summary>
    public override Tensor[] forward(Tensor[] input) => Run(input, null);

    /// <summary>Runs whole sequences from <paramref name="state"/> (a zero state when null), which is updated in place.</summary>
    public Tensor[] Run(IReadOnlyList<Tensor> sequences, TorchModelState? state)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var info = Info;
        if (sequences.Count != info.Inputs.Count)
        {
            throw new ArgumentException($"Model '{info.Name}' takes {info.Inputs.Count} input sequence(s), got {sequences.Count}.", nameof(sequences));
        }

        var steps = sequences[0].shape[0];
        state ??= CreateState(sequences[0].shape[1]);
        var inputs = new Tensor[info.Inputs.Count];
        var outputs = new Tensor?[info.Outputs.Count];
        var everyStep = info.Outputs.Select(o => o.EveryStep ? new List<Tensor>() : null).ToArray();
        var staticReaders = Readers.OfType<StaticReader>().ToList();
        staticReaders.ForEach(r => r.BeginSequence());
        try
        {
            for (var t = 0; t < steps; t++)
            {
                for (var i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = StepInput(info.Inputs[i], sequences[i], t);
                }

                StepCore(inputs, state, t == steps - 1, outputs);
                for (var o = 0; o < outputs.Length; o++)
                {
                    everyStep[o]?.Add(outputs[o]!);
                }
            }
        }
        finally
        {
            staticReaders.ForEach(r => r.EndSequence());
        }

        var results = new Tensor[outputs.Length];
        for (var o = 0; o < outputs.Length; o++)
        {
            results[o] = everyStep[o] is { } all
                ? torch.stack(all, 0)
                : outputs[o] ?? throw new InvalidOperationException($"Output '{info.Outputs[o].Name}' was not computed at the last step.");
        }

        return results;
    }

    /// <summary>
    /// Runs whole sequences and computes every output's loss against <paramref name="targets"/> (class indices
    /// [B], or [T, B] for outputs trained at every step; values of the output's shape for mean squared error),
    /// weighted as the spec says.
    /// </summary>
    public TorchLoss ComputeLoss(IReadOnlyList<Tensor> sequences, IReadOnlyList<Tensor> targets, TorchModelState? state = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var info = Info;
        if (targets.Count != info.Outputs.Count)
        {
            throw new ArgumentException($"Model '{info.Name}' has {info.Outputs.Count} output(s), got {targets.Count} target tensor(s).", nameof(targets));
        }

        var logits = Run(sequences, state);
        var losses = new Tensor[logits.Length];
        Tensor? total = null;
        for (var o = 0; o < logits.Length; o++)
        {
            var output = info.Outputs[o];
            losses[o] = TorchLosses.For(output.Loss)(logits[o], targets[o]);
            var weighted = output.Weight == 1f ? losses[o] : losses[o] * output.Weight;
            total = total is null ? weighted : total + weighted;
        }

        return new TorchLoss(total ?? throw new InvalidOperationException($"Model '{info.Name}' has no outputs."), losses, logits);
    }

    /// <summary>Moves the model, first checking that this program's libtorch has the device.</summary>
    /// <exception cref="TorchDeviceException">The device is missing from this libtorch; the message names the package to add.</exception>
    protected override nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
    {
        TorchDevices.EnsureAvailable(deviceType);
        return base._to(deviceType, deviceIndex, non_blocking);
    }

    /// <summary>Moves and converts the model, first checking that this program's libtorch has the device.</summary>
    /// <exception cref="TorchDeviceException">The device is missing from this libtorch; the message names the package to add.</exception>
    protected override nn.Module _to(Device device, ScalarType dtype, bool non_blocking)
    {
        ArgumentNullException.ThrowIfNull(device);
        TorchDevices.EnsureAvailable(device.type);
        return base._to(device, dtype, non_blocking);
    }

    /// <summary>Writes the zero state on <paramref name="device"/>: zero center, features and recurrent states.</summary>
    protected abstract void InitializeState(long batch, Device device, Span<Tensor> values);

    /// <summary>
    /// One input step through every sub-step and module. <paramref name="inputs"/> holds this step's inputs
    /// [B, width] (tokens already one-hot) in <see cref="TorchModelInfo.Inputs"/> order; heads whose output is due
    /// write their logits into <paramref name="outputs"/>.
    /// </summary>
    protected abstract void StepCore(ReadOnlySpan<Tensor> inputs, TorchModelState state, bool lastStep, Span<Tensor?> outputs);

    /// <summary>Applies the module ablation to a freshly written center.</summary>
    protected Tensor Ablate(Tensor center)
    {
        ArgumentNullException.ThrowIfNull(center);
        if (_ablationMask is null)
        {
            return center;
        }

        if (_ablationMask.device != center.device)
        {
            var moved = _ablationMask.to(center.device).DetachFromDisposeScope();
            _ablationMask.Dispose();
            _ablationMask = moved;
        }

        return center * _ablationMask;
    }

    /// <summary>Step <paramref name="t"/> of a sequence: dense [T, B, W] -> [B, W]; tokens [T, B] -> one-hot [B, W].</summary>
    protected static Tensor StepInput(TorchInputInfo input, Tensor sequence, long t)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sequence);
        return input.IsTokens
            ? nn.functional.one_hot(sequence[t].to(int64), input.Width).to(float32)
            : sequence[t];
    }

    /// <summary>Releases the ablation mask, if any, with the model's parameters.</summary>
    /// <param name="disposing">True when called from <c>Dispose()</c>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ablationMask?.Dispose();
        }

        base.Dispose(disposing);
    }
}
