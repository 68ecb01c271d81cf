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

    protected Optimizer(IEnumerable<KeyValuePair<string, Parameter>> parameters, float learningRate)
    {
        _parameters = [.. parameters];
        LearningRate = learningRate;
    }

    /// <summary>The key of the step count in <see cref="StateTensors"/>.</summary>
    public const string StepKey = "step";

    public float LearningRate { get; set; }

    /// <summary>How many updates have been applied.</summary>
    public long StepCount { get; private set; }

    protected IReadOnlyList<KeyValuePair<string, Parameter>> ParameterList => _parameters;

    public void Step()
    {
        StepCount++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i].Value;
            Update(i, p.Data, p.Grad);
        }
    }

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

    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);
}
