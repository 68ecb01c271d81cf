using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>Every parameter of every generated model receives a gradient, and every output depends on the inputs.</summary>
public sealed class GradientFlowTests
{
    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Every_parameter_gets_a_gradient(string name)
    {
        var model = GeneratedModels.Cases[name].Create(new RandomSource(1));
        var batch = Batches.Random(model.Info, steps: 5, batch: 3, seed: 2);
        var tape = new Tape();
        tape.Backward(model.ComputeLoss(tape, batch).Total);

        var silent = model.NamedParameters().Where(p => !p.Value.Grad.ToArray().Any(g => g != 0f)).Select(p => p.Key).ToArray();
        Assert.True(silent.Length == 0, $"{name}: no gradient reaches {string.Join(", ", silent)}");
    }

    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Outputs_depend_on_the_first_input_step(string name)
    {
        var model = GeneratedModels.Cases[name].Create(new RandomSource(1));
        var first = Batches.Random(model.Info, steps: 4, batch: 2, seed: 3);
        var second = Batches.Random(model.Info, steps: 4, batch: 2, seed: 3);
        Batches.Perturb(second, step: 0, seed: 4);

        var a = Logits(model, first);
        var b = Logits(model, second);
        for (var o = 0; o < a.Length; o++)
        {
            Assert.True(a[o].Zip(b[o]).Any(p => p.First != p.Second), $"{name}: output {model.Info.Outputs[o].Name} ignores the first input step");
        }
    }

    private static float[][] Logits(ThalNetModel model, SequenceBatch batch)
    {
        var tape = new Tape();
        using (tape.NoGrad())
        {
            var result = model.ComputeLoss(tape, batch);
            return [.. result.Logits.Select(l => l.ToArray())];
        }
    }
}
