using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Benchmarks;

/// <summary>
/// The paper's sequential-MNIST ThalNet written by hand in the shape the generator emits: 4 modules of FF 32 relu
/// then GRU 32, weight-normalised reading of a 32-element context from the 128-element center, 28 inputs into
/// module 0, a 10-way output from the last module.
/// </summary>
public sealed class MnistThalNet : ThalNetModel
{
    public const int Modules = 4;
    public const int Features = 32;
    public const int Context = 32;
    public const int CenterSize = Modules * Features;

    private static readonly string[] StateNameList = ["center", "m0.features", "m1.features", "m2.features", "m3.features"];

    private static readonly ModelInfo ModelInfo = new(
        "MnistThalNet",
        CenterSize,
        1,
        [new InputInfo("pixels", 28, false)],
        [
            new ModuleInfo("m0", ModuleRole.Input, 0, Features, Context, ReadingMechanism.WeightNorm, ["pixels"]),
            new ModuleInfo("m1", ModuleRole.Side, 32, Features, Context, ReadingMechanism.WeightNorm, []),
            new ModuleInfo("m2", ModuleRole.Side, 64, Features, Context, ReadingMechanism.WeightNorm, []),
            new ModuleInfo("m3", ModuleRole.Output, 96, Features, Context, ReadingMechanism.WeightNorm, []),
        ],
        [new OutputInfo("m3", "out", 10, LossKind.CrossEntropy, false, 1f)]);

    private readonly Block[] _blocks = new Block[Modules];
    private readonly Linear _out;

    public MnistThalNet(RandomSource random)
    {
        for (var i = 0; i < Modules; i++)
        {
            _blocks[i] = AddModule($"m{i}", new Block(i == 0 ? 28 : 0, random));
        }

        _out = _blocks[Modules - 1].AddHead("out", new Linear(Features, 10, random));
        Readers = [.. _blocks.Select(b => (Reader)b.Read)];
    }

    public override ModelInfo Info => ModelInfo;

    public override IReadOnlyList<Reader> Readers { get; }

    public override IReadOnlyList<string> StateNames => StateNameList;

    protected override void InitializeState(Tape tape, int batch, Span<Tensor> values)
    {
        values[0] = tape.Zeros(Shape.Of(batch, CenterSize));
        values[1] = tape.Zeros(Shape.Of(batch, Features));
        values[2] = tape.Zeros(Shape.Of(batch, Features));
        values[3] = tape.Zeros(Shape.Of(batch, Features));
        values[4] = tape.Zeros(Shape.Of(batch, Features));
    }

    protected override void StepCore(Tape tape, ReadOnlySpan<Tensor> inputs, ModelState state, bool lastStep, Span<Tensor?> outputs)
    {
        var s = state.Values;
        var center = s[0];
        var f0 = _blocks[0].Gru.Forward(tape, _blocks[0].Ff.Forward(tape, tape.Concat(1, inputs[0], _blocks[0].Read.Read(tape, center, s[1]))), s[1]);
        var f1 = _blocks[1].Gru.Forward(tape, _blocks[1].Ff.Forward(tape, _blocks[1].Read.Read(tape, center, s[2])), s[2]);
        var f2 = _blocks[2].Gru.Forward(tape, _blocks[2].Ff.Forward(tape, _blocks[2].Read.Read(tape, center, s[3])), s[3]);
        var f3 = _blocks[3].Gru.Forward(tape, _blocks[3].Ff.Forward(tape, _blocks[3].Read.Read(tape, center, s[4])), s[4]);
        s[0] = Ablate(tape, tape.Concat(1, f0, f1, f2, f3));
        s[1] = f0;
        s[2] = f1;
        s[3] = f2;
        s[4] = f3;
        if (lastStep)
        {
            outputs[0] = _out.Forward(tape, f3);
        }
    }

    private sealed class Block : Module
    {
        public Block(int inputs, RandomSource random)
        {
            Read = AddModule("read", new WeightNormReader(CenterSize, Context, random));
            Ff = AddModule("ff", new FeedForward(inputs + Context, Features, Activation.Relu, random));
            Gru = AddModule("gru", new GruCell(Features, Features, random));
        }

        public WeightNormReader Read { get; }

        public FeedForward Ff { get; }

        public GruCell Gru { get; }

        public T AddHead<T>(string name, T head)
            where T : Module => AddModule(name, head);
    }
}
