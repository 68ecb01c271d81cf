using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>
/// Consumer code written against the generated API compiles with it, without errors or warnings, with nullable
/// checks on and documentation comments checked (so an undocumented generated member would show).
/// </summary>
public class ConsumerTests
{
    [Fact]
    public void Code_using_a_dense_input_model_compiles_cleanly()
    {
        var result = GeneratorHarness.Run([TestSpecs.File("SequentialMnist.thalnet.yaml")], """
            using ThalNet.Examples.SequentialMnist;
            using ThalNet.Runtime;

            namespace Consumer.App;

            /// <summary>Uses every part of the generated API.</summary>
            public static class Use
            {
                /// <summary>Steps, runs and inspects a model.</summary>
                public static float Run(Tensor pixels)
                {
                    var model = new SequentialMnistNet(new RandomSource(1));
                    var tape = new Tape();
                    var state = SequentialMnistNet.State.Zeros(tape, pixels.Shape[1]);
                    SequentialMnistNet.Outputs step = model.Step(tape, new SequentialMnistNet.Inputs(tape.Select(pixels, 0)), state, lastStep: false);
                    Tensor? none = step.Digit;
                    SequentialMnistNet.SequenceOutputs sequence = model.Forward(tape, pixels, state);
                    Tensor digit = sequence.Digit;
                    var batch = new SequentialMnistNet.Batch(steps: 2, size: 3);
                    Tensor input = batch.Inputs.Pixels;
                    int[] labels = batch.Targets.Digit;
                    SequentialMnistNet.Losses losses = model.ComputeLoss(tape, batch);
                    Tensor lossSum = tape.Add(losses.Total, losses.Digit);
                    ThalNet.Runtime.Models.SequenceBatch positional = batch.Sequences;
                    ThalNet.Runtime.Nn.GruCell gru = model.Vision.Gru;
                    ThalNet.Runtime.Nn.WeightNormReader reader = model.Decision.Read;
                    ThalNet.Runtime.Nn.Linear head = model.Decision.Digit;
                    int slice = SequentialMnistNet.Layout.DecisionOffset + SequentialMnistNet.Layout.DecisionSize;
                    int total = SequentialMnistNet.ParameterCount + SequentialMnistNet.CenterSize + SequentialMnistNet.Substeps + slice;
                    return digit.Item() + lossSum.Item() + losses.Outputs.Digit.Item() + input.Length + labels.Length + positional.Steps + batch.Steps + batch.Size + state.Center.Item() + state.VisionFeatures.Item() + (none is null ? 0 : 1) + gru.HiddenSize + reader.ContextSize + head.OutFeatures + total
                        + SequentialMnistNet.Layout.Info.Modules.Count + model.Info.CenterSize + model.Readers.Count + model.StateNames.Count;
                }
            }
            """);

        Assert.Empty(result.DiagnosticLines);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Code_using_a_token_input_model_compiles_cleanly()
    {
        var result = GeneratorHarness.Run([TestSpecs.File("ByteLanguageModel.thalnet.yaml")], """
            using ThalNet.Examples.Text;
            using ThalNet.Runtime;

            namespace Consumer.App;

            /// <summary>Runs a token model.</summary>
            public static class Use
            {
                /// <summary>Predicts the next byte at every step, then trains on the same text.</summary>
                public static Tensor Run(int[] text, int batch)
                {
                    var model = new ByteLanguageModel(new RandomSource(1));
                    var tape = new Tape();
                    ByteLanguageModel.SequenceOutputs outputs = model.Forward(tape, text, batch);
                    var sequences = new ByteLanguageModel.Batch(text.Length / batch, batch);
                    text.CopyTo(sequences.Inputs.Text, 0);
                    text.CopyTo(sequences.Targets.Next, 0);
                    tape.Backward(model.ComputeLoss(tape, sequences).Total);
                    return outputs.Next;
                }
            }
            """);

        result.AssertCompilesCleanly();
    }

    [Fact]
    public void The_checks_see_undocumented_public_members()
    {
        var result = GeneratorHarness.Run([], "public class Undocumented { }");

        Assert.Equal(["CS1591 warning Consumer0.cs(1,14): Missing XML comment for publicly visible type or member 'Undocumented'"], result.CompilationProblems());
    }
}
