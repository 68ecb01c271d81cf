using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>
/// Updates parameters from their gradients. State buffers are named "{buffer}.{parameter path}" so a checkpoint can
/// store and restore them next to the parameters.
/// </summary>
public abstract class Optimizer
{
    private const int StepBits = 24;
    private const long StepMask = (1L << StepBits) - 1;

    private readonly KeyValuePair<string, Parameter>[] _parameters;
    private readonly List<(string Buffer, float[][] PerParameter)> _buffers = [];

    /// <summary>Called by the concrete optimizers.</summary>
    /// <param name="parameters">The parameters with their paths; the paths name the state buffers.</param>
    /// <param name="learningRate">The initial step size.</param>
    protected Optimizer(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate)
    {
        _parameters = [.. parameters];
        LearningRate = learningRate;
    }

    /// <summary>The key of the step count in <see cref="StateTensors"/>.</summary>
    public const string StepKey = "step";

    /// <summary>The step size of the next updates; schedules change it between steps.</summary>
    public float LearningRate { get; set; }

    /// <summary>How many updates have been applied.</summary>
    public long StepCount { get; private set; }

    /// <summary>
    /// The parameters with their paths, in the order given to the constructor (the index passed to <see
    /// cref="Update"/>).
    /// </summary>
    protected IReadOnlyList<KeyValuePair<string, Parameter>> ParameterList => _parameters;

    /// <summary>Applies one update to every parameter from its current gradient and counts the step.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i].Value;
            Update(i, p.Data, p.Grad);
        }
    }

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.Value.ZeroGrad();
        }
    }

    /// <summary>
    /// Every state buffer, keyed "{buffer}.{parameter path}", plus the step count under "step" as two float32 values
    /// (high and low 24 bits), so it stays exact far beyond float32's 2^24 integers.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateTensors()
    {
        var result = new List<KeyValuePair<string, Tensor>> { new(StepKey, Tensor.FromArray(EncodeStep(StepCount), 2)) };
        foreach (var (buffer, values) in _buffers)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                result.Add(new($"{buffer}.{_parameters[i].Key}", Tensor.FromSpan(values[i], _parameters[i].Value.Shape)));
            }
        }

        return result;
    }

    /// <summary>Restores the step count and every state buffer from tensors saved by <see
    /// cref="StateTensors"/>.</summary>
    /// <exception cref="InvalidOperationException">When the step or a buffer is missing or has the wrong
    /// size.</exception>
    public void LoadStateTensors(IReadOnlyDictionary<string, Tensor> state)
    {
        if (!state.TryGetValue(StepKey, out var step))
        {
            throw new InvalidOperationException($"The optimizer state of {GetType().Name} has no '{StepKey}' entry.");
        }

        StepCount = DecodeStep(step.Data);
        foreach (var (buffer, values) in _buffers)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                var key = $"{buffer}.{_parameters[i].Key}";
                if (!state.TryGetValue(key, out var t) || t.Length != values[i].Length)
                {
                    throw new InvalidOperationException($"The optimizer state of {GetType().Name} lacks '{key}' or has the wrong size.");
                }

                t.Data.CopyTo(values[i]);
            }
        }
    }

    /// <summary>A step count as the two float32 values <see cref="StateTensors"/> stores under <see cref="StepKey"/>: its high and low 24 bits.</summary>
    public static float[] EncodeStep(long step) => [step >> StepBits, step & StepMask];

    /// <summary>The step count of <see cref="EncodeStep"/>'s two values (or of a single value, as a plain count).</summary>
    public static long DecodeStep(ReadOnlySpan<float> values) =>
        values.Length == 2 ? ((long)values[0] << StepBits) + (long)values[1] : (long)values[0];

    /// <summary>A zeroed buffer per parameter, saved with the optimizer state under <paramref name="name"/>.</summary>
    protected float[][] AddBuffer(string name)
    {
        var values = new float[_parameters.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new float[_parameters[i].Value.Length];
        }

        _buffers.Add((name, values));
        return values;
    }

    /// <summary>Updates one parameter in place from its gradient.</summary>
    /// <param name="index">The parameter's position in <see cref="ParameterList"/>, for its state buffers.</param>
    /// <param name="parameter">The values to update.</param>
    /// <param name="gradient">Their gradient.</param>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);
}
