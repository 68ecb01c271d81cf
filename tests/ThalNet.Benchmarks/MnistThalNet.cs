using ThalNet.Runtime;
using ThalNet.Runtime.Nn;

namespace ThalNet.Benchmarks;

/// <summary>
/// The paper's sequential-MNIST ThalNet wired by hand: 4 modules of FF 32 relu then GRU 32, weight-normalised
/// reading of a 32-element context from the 128-element center, 28 inputs into module 0, a 10-way output from the
/// last module. Same parameter names as a generated model.
/// </summary>
public sealed class MnistThalNet : Module
{
    public const int Modules = 4;
    public const int Features = 32;
    public const int Context = 32;
    public const int CenterSize = Modules * Features;

    private readonly WeightNormReader[] _readers = new WeightNormReader[Modules];
    private readonly FeedForward[] _ff = new FeedForward[Modules];
    private readonly GruCell[] _gru = new GruCell[Modules];
    private readonly Linear _out;
    private readonly Tensor[] _features = new Tensor[Modules];

    public MnistThalNet(int inputSize, int classes, RandomSource random)
    {
        for (var i = 0; i < Modules; i++)
        {
            var m = AddModule($"m{i}", new ModuleBlock());
            _readers[i] = m.Add("read", new WeightNormReader(CenterSize, Context, random));
            _ff[i] = m.Add("ff", new FeedForward((i == 0 ? inputSize : 0) + Context, Features, Activation.Relu, random));
            _gru[i] = m.Add("gru", new GruCell(Features, Features, random));
        }

        _out = AddModule("out", new Linear(Features, classes, random));
    }

    /// <summary>Logits after the last step for a time-major sequence [T, B, I].</summary>
    public Tensor Forward(Tape tape, Tensor sequence)
    {
        var batch = sequence.Shape[1];
        var center = tape.Zeros(Shape.Of(batch, CenterSize));
        for (var i = 0; i < Modules; i++)
        {
            _features[i] = tape.Zeros(Shape.Of(batch, Features));
        }

        for (var t = 0; t < sequence.Shape[0]; t++)
        {
            var input = tape.Select(sequence, t);
            for (var i = 0; i < Modules; i++)
            {
                var context = _readers[i].Read(tape, center, _features[i]);
                var x = i == 0 ? tape.Concat(1, input, context) : context;
                _features[i] = _gru[i].Forward(tape, _ff[i].Forward(tape, x), _features[i]);
            }

            center = tape.Concat(1, _features);
        }

        return _out.Forward(tape, _features[Modules - 1]);
    }

    private sealed class ModuleBlock : Module
    {
        public T Add<T>(string name, T module)
            where T : Module => AddModule(name, module);
    }
}
