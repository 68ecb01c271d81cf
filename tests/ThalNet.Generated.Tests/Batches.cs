using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>Random sequence batches for any generated model.</summary>
public static class Batches
{
    public static SequenceBatch Random(ModelInfo info, int steps, int batch, ulong seed)
    {
        var random = new RandomSource(seed);
        var result = new SequenceBatch(info, steps, batch);
        for (var i = 0; i < info.Inputs.Count; i++)
        {
            Fill(result, i, 0, steps, random);
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            var targets = result.Targets[o];
            for (var j = 0; j < targets.Length; j++)
            {
                targets[j] = random.NextInt(info.Outputs[o].Size);
            }
        }

        return result;
    }

    /// <summary>Redraws every input of one step.</summary>
    public static void Perturb(SequenceBatch batch, int step, ulong seed)
    {
        var random = new RandomSource(seed);
        for (var i = 0; i < batch.Info.Inputs.Count; i++)
        {
            Fill(batch, i, step, step + 1, random);
        }
    }

    private static void Fill(SequenceBatch batch, int input, int from, int to, RandomSource random)
    {
        var width = batch.Info.Inputs[input].Width;
        if (batch.Dense[input] is { } dense)
        {
            var data = dense.Data.Slice(from * batch.Batch * width, (to - from) * batch.Batch * width);
            for (var j = 0; j < data.Length; j++)
            {
                data[j] = random.NextUniform(-1f, 1f);
            }
        }
        else
        {
            var tokens = batch.Tokens[input]!.AsSpan(from * batch.Batch, (to - from) * batch.Batch);
            for (var j = 0; j < tokens.Length; j++)
            {
                tokens[j] = random.NextInt(width);
            }
        }
    }
}
