using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>
/// A two-module ThalNet written by hand in the shape the generator emits: module m0 takes the input and module m1
/// carries the output heads; each reads a 6-element context from the 16-element center (weight-normalised), runs
/// FF 8 relu then GRU 8. Variants: a classifier, a byte-level language model and a two-output multi-task model.
/// </summary>
internal sealed class TinyThalNet : ThalNetModel
{
    public const int Features = 8;
    public const int Context = 6;
    public const int Center = 2 * Features;

    private static readonly string[] StateNameList = ["center", "m0.features", "m1.features"];

    private readonly ModelInfo _info;
    private readonly Block _m0;
    private readonly Block _m1;
    private readonly Linear[] _heads;

    private TinyThalNet(RandomSource random, string name, InputInfo input, OutputInfo[] outputs, int substeps = 1)
    {
        _info = new ModelInfo(
            name,
            Center,
            substeps,
            [input],
            [
                new ModuleInfo("m0", ModuleRole.Input, 0, Features, Context, ReadingMechanism.WeightNorm, [input.Name]),
                new ModuleInfo("m1", ModuleRole.Output, Features, Features, Context, ReadingMechanism.WeightNorm, []),
            ],
            outputs);
        _m0 = AddModule("m0", new Block(input.Width, random));
        _m1 = AddModule("m1", new Block(0, random));
        _heads = [.. outputs.Select(o => _m1.AddHead(o.Name, new Linear(Features, o.Size, random)))];
        Readers = [_m0.Read, _m1.Read];
    }

    public override ModelInfo Info => _info;

    public override IReadOnlyList<Reader> Readers { get; }

    public override IReadOnlyList<string> StateNames => StateNameList;

    public static TinyThalNet Classifier(RandomSource random, int inputs, int classes, string name = "TinyClassifier") =>
        new(random, name, new InputInfo("x", inputs, false), [new OutputInfo("m1", "label", classes, LossKind.CrossEntropy, false, 1f)]);

    /// <summary>Two sub-steps per byte, as in the paper, so the input reaches the output module before its prediction.</summary>
    public static TinyThalNet LanguageModel(RandomSource random) =>
        new(random, "TinyLanguageModel", new InputInfo("text", 256, true), [new OutputInfo("m1", "next", 256, LossKind.CrossEntropy, true, 1f)], substeps: 2);

    /// <summary>A main 'label' output and an auxiliary two-way 'parity' output at half weight.</summary>
    public static TinyThalNet MultiTask(RandomSource random, int inputs, int classes) =>
        new(random, "TinyMultiTask", new InputInfo("x", inputs, false),
        [
            new OutputInfo("m1", "label", classes, LossKind.CrossEntropy, false, 1f),
            new OutputInfo("m1", "parity", 2, LossKind.CrossEntropy, false, 0.5f),
        ]);

    /// <summary>A non-text task with two heads: a 'tag' for every step (3 classes) and a 'label' after the last.</summary>
    public static TinyThalNet Tagger(RandomSource random, int inputs, int classes) =>
        new(random, "TinyTagger", new InputInfo("x", inputs, false),
        [
            new OutputInfo("m1", "tag", 3, LossKind.CrossEntropy, true, 1f),
            new OutputInfo("m1", "label", classes, LossKind.CrossEntropy, false, 1f),
        ]);

    protected override void InitializeState(Tape tape, int batch, Span<Tensor> values)
    {
        values[0] = tape.Zeros(Shape.Of(batch, Center));
        values[1] = tape.Zeros(Shape.Of(batch, Features));
        values[2] = tape.Zeros(Shape.Of(batch, Features));
    }

    protected override void StepCore(Tape tape, ReadOnlySpan<Tensor> inputs, ModelState state, bool lastStep, Span<Tensor?> outputs)
    {
        var s = state.Values;
        for (var k = 0; k < _info.Substeps; k++)
        {
            var center = s[0];
            var f0 = _m0.Gru.Forward(tape, _m0.Ff.Forward(tape, tape.Concat(1, inputs[0], _m0.Read.Read(tape, center, s[1]))), s[1]);
            var f1 = _m1.Gru.Forward(tape, _m1.Ff.Forward(tape, _m1.Read.Read(tape, center, s[2])), s[2]);
            s[0] = Ablate(tape, tape.Concat(1, f0, f1));
            s[1] = f0;
            s[2] = f1;
        }

        for (var o = 0; o < _heads.Length; o++)
        {
            if (lastStep || _info.Outputs[o].EveryStep)
            {
                outputs[o] = _heads[o].Forward(tape, s[2]);
            }
        }
    }

    private sealed class Block : Module
    {
        public Block(int inputs, RandomSource random)
        {
            Read = AddModule("read", new WeightNormReader(Center, Context, random));
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
