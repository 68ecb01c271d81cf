using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Generated.Tests;

/// <summary>
/// ThalNet's semantics written once as a plain loop over a model's <see cref="ModelInfo"/> and its registered
/// modules, without the generated wiring: a reference that the unrolled <c>StepCore</c> must reproduce. Per
/// sub-step every module reads the previous center (fast readers with its own previous features), its first
/// layer takes [inputs in declared order; context], GRU and LSTM layers keep their own hidden state (LSTM also its
/// cell state), and the features
/// (last layer's output) are concatenated into the next center. Heads read the features after the last
/// sub-step: every step for <c>at: every</c>, else only at the last step.
/// </summary>
internal static class ReferenceInterpreter
{
    public static Tensor[] Logits(ThalNetModel model, Tape tape, SequenceBatch batch)
    {
        var info = model.Info;
        var modules = model.NamedChildren().Select(c => c.Value).ToList();
        var layers = modules.Select(m => m.NamedChildren().Skip(1).Select(c => c.Value).Where(l => l is FeedForward or GruCell or LstmCell).ToList()).ToList();
        var heads = modules.Select(m => m.NamedChildren().Where(c => c.Value.GetType() == typeof(Linear)).ToDictionary(c => c.Key, c => (Linear)c.Value)).ToList();
        var center = tape.Zeros(Shape.Of(batch.Batch, info.CenterSize));
        var features = info.Modules.Select(m => tape.Zeros(Shape.Of(batch.Batch, m.Size))).ToArray();
        var hidden = layers.Select(stack => stack.Select(l => l switch
        {
            GruCell gru => tape.Zeros(Shape.Of(batch.Batch, gru.HiddenSize)),
            LstmCell lstm => tape.Zeros(Shape.Of(batch.Batch, lstm.HiddenSize)),
            _ => null,
        }).ToArray()).ToArray();
        var cells = layers.Select(stack => stack.Select(l => l is LstmCell lstm ? tape.Zeros(Shape.Of(batch.Batch, lstm.HiddenSize)) : null).ToArray()).ToArray();
        var every = info.Outputs.Select(_ => new List<Tensor>()).ToArray();
        var logits = new Tensor[info.Outputs.Count];
        for (var t = 0; t < batch.Steps; t++)
        {
            var inputs = info.Inputs.Select((input, i) => input.IsTokens
                ? tape.OneHot(batch.Tokens[i].AsSpan(t * batch.Batch, batch.Batch), input.Width)
                : tape.Select(batch.Dense[i]!, t)).ToArray();
            for (var s = 0; s < info.Substeps; s++)
            {
                var next = new Tensor[modules.Count];
                for (var m = 0; m < modules.Count; m++)
                {
                    var context = model.Readers[m].Read(tape, center, features[m]);
                    var x = tape.Concat(1, [.. info.Modules[m].Inputs.Select(name => inputs[Index(info, name)]), context]);
                    for (var l = 0; l < layers[m].Count; l++)
                    {
                        x = layers[m][l] switch
                        {
                            FeedForward ff => ff.Forward(tape, x),
                            GruCell gru => hidden[m][l] = gru.Forward(tape, x, hidden[m][l]!),
                            LstmCell lstm => hidden[m][l] = LstmStep(tape, lstm, x, hidden[m][l]!, ref cells[m][l]!),
                            _ => throw new InvalidOperationException(),
                        };
                    }

                    next[m] = x;
                }

                features = next;
                center = tape.Concat(1, features);
            }

            for (var o = 0; o < info.Outputs.Count; o++)
            {
                var output = info.Outputs[o];
                var module = info.Modules.ToList().FindIndex(m => m.Name == output.Module);
                if (output.EveryStep)
                {
                    every[o].Add(heads[module][output.Name].Forward(tape, features[module]));
                }
                else if (t == batch.Steps - 1)
                {
                    logits[o] = heads[module][output.Name].Forward(tape, features[module]);
                }
            }
        }

        for (var o = 0; o < info.Outputs.Count; o++)
        {
            if (info.Outputs[o].EveryStep)
            {
                logits[o] = tape.Reshape(tape.Concat(0, [.. every[o]]), Shape.Of(batch.Steps, batch.Batch, info.Outputs[o].Size));
            }
        }

        return logits;
    }

    /// <summary>The unfused op on the cell's parameters: the next h, with the next c written back.</summary>
    private static Tensor LstmStep(Tape tape, LstmCell lstm, Tensor x, Tensor h, ref Tensor c)
    {
        var (hNew, cNew) = tape.LstmCell(x, h, c, lstm.WeightIh, lstm.WeightHh, lstm.BiasIh, lstm.BiasHh);
        c = cNew;
        return hNew;
    }

    private static int Index(ModelInfo info, string input) => info.Inputs.ToList().FindIndex(i => i.Name == input);
}
