using ThalNet.Examples.Features;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Generated.Tests;

/// <summary>Analysis of real generated models: ablation, reading matrices and the planted connectivity they reveal.</summary>
public sealed class AnalysisTests
{
    [Fact]
    public void Ablating_a_module_that_nothing_reads_changes_nothing()
    {
        var model = new SequentialMnistNet(new RandomSource(5));
        // No reader looks at side2's slice of the center, so what side2 writes never reaches an output.
        foreach (var reader in new[] { model.Vision.Read, model.Side1.Read, model.Side2.Read, model.Decision.Read })
        {
            ZeroColumns(reader.W, SequentialMnistNet.Layout.Side2Offset, SequentialMnistNet.Layout.Side2Size);
        }

        var batch = Batches.Random(model.Info, steps: 6, batch: 4, seed: 9);
        var results = ModelInspector.Ablate(model, m => Loss(m, batch));

        var side2 = results.Single(r => r.Module == "side2");
        Assert.Equal(side2.Baseline, side2.Ablated);
        var vision = results.Single(r => r.Module == "vision");
        Assert.NotEqual(vision.Baseline, vision.Ablated);
        Assert.Null(model.Ablation);
    }

    [Fact]
    public void Planted_reading_weights_give_exactly_the_planted_edges()
    {
        var model = new SequentialMnistNet(new RandomSource(6));
        // The decision module (3) reads only from vision (0) and side2 (2).
        var read = model.Decision.Read.W;
        ZeroColumns(read, SequentialMnistNet.Layout.Side1Offset, SequentialMnistNet.Layout.Side1Size);
        ZeroColumns(read, SequentialMnistNet.Layout.DecisionOffset, SequentialMnistNet.Layout.DecisionSize);

        var layout = ModelInspector.CenterLayout(model.Info);
        var weights = ModelInspector.ReadingWeights(model);
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, weights));

        var into = graph.EdgesInto("decision").Where(e => e.Kind == ConnectivityEdgeKind.Reading).Select(e => e.From).Order().ToArray();
        Assert.Equal(["side2", "vision"], into);
        Assert.Equal(0.0, graph.Matrix.Strength("decision", "side1"));
    }

    [Fact]
    public void Weight_norm_reading_matrix_is_the_effective_matrix()
    {
        var model = new SequentialMnistNet(new RandomSource(7));
        model.Vision.Read.Beta.Data[0] = 2f;
        var weights = ModelInspector.ReadingWeights(model)["vision"];
        var w = model.Vision.Read.W.Data;
        var norm = Math.Sqrt(w.ToArray().Sum(v => (double)v * v));
        Assert.Equal(32, weights.Rows);
        Assert.Equal(SequentialMnistNet.CenterSize, weights.Cols);
        Assert.Equal(2.0 * w[5] / norm, weights.Values[5], 5);
    }

    [Fact]
    public void Fast_readers_report_their_mean_attention()
    {
        var model = new ReadingNet(new RandomSource(8));
        var batch = Batches.Random(model.Info, steps: 6, batch: 4, seed: 10);
        var weights = ModelInspector.ReadingWeights(model, m => Loss(m, batch));

        foreach (var module in model.Info.Modules.Where(m => m.Reading is ReadingMechanism.FastSoftmax or ReadingMechanism.FastGaussian))
        {
            var matrix = weights[module.Name];
            Assert.Equal(module.ContextSize, matrix.Rows);
            for (var k = 0; k < matrix.Rows; k++)
            {
                // Attention over the center sums to one for every context element.
                Assert.Equal(1.0, matrix.Row(k).ToArray().Sum(v => (double)v), 4);
            }
        }

        Assert.All(model.Readers.OfType<FastReader>(), r => Assert.Null(r.Probe));
    }

    private static void ZeroColumns(Tensor w, int offset, int count)
    {
        var cols = w.Shape[1];
        for (var r = 0; r < w.Shape[0]; r++)
        {
            w.Data.Slice((r * cols) + offset, count).Clear();
        }
    }

    private static double Loss(ThalNetModel model, SequenceBatch batch)
    {
        var tape = new Tape();
        using (tape.NoGrad())
        {
            return model.ComputeLoss(tape, batch).Total.Item();
        }
    }
}
