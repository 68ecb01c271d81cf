using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>
/// Every generated model, whatever its readers, layer stacks, sub-steps, inputs and outputs, computes exactly
/// what <see cref="ReferenceInterpreter"/> computes from the same parameters.
/// </summary>
public sealed class SemanticsTests
{
    [Theory]
    [MemberData(nameof(GeneratedModels.Names), MemberType = typeof(GeneratedModels))]
    public void Unrolled_step_computes_what_the_reference_loop_computes(string name)
    {
        var model = GeneratedModels.Cases[name].Create(new RandomSource(51));
        var batch = RandomBatch(model.Info, steps: 4, size: 3, new RandomSource(52));
        var tape = new Tape();

        var generated = model.ComputeLoss(tape, batch).Logits;
        var reference = ReferenceInterpreter.Logits(model, tape, batch);

        Assert.Equal(reference.Length, generated.Length);
        for (var o = 0; o < reference.Length; o++)
        {
            Assert.Equal(reference[o].Shape, generated[o].Shape);
            Assert.Equal(reference[o].ToArray(), generated[o].ToArray());
        }
    }

    private static SequenceBatch RandomBatch(ModelInfo info, int steps, int size, RandomSource random)
    {
        var batch = new SequenceBatch(info, steps, size);
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            if (batch.Tokens[i] is { } tokens)
            {
                for (var k = 0; k < tokens.Length; k++)
                {
                    tokens[k] = random.NextInt(info.Inputs[i].Width);
                }
            }
            else
            {
                var values = batch.Dense[i]!.Data;
                for (var k = 0; k < values.Length; k++)
                {
                    values[k] = random.NextNormal();
                }
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            for (var k = 0; k < batch.Targets[o].Length; k++)
            {
                batch.Targets[o][k] = random.NextInt(info.Outputs[o].Size);
            }
        }

        return batch;
    }
}
