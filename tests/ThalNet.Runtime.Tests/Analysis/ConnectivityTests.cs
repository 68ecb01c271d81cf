using ThalNet.Runtime.Models;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class ConnectivityTests
{
    private static ConnectivityMatrix PlantedMatrix() => ConnectivityMatrix.FromReadingWeights(Planted.Layout, Planted.Weights());

    [Fact]
    public void Planted_structure_is_recovered_exactly()
    {
        var graph = ConnectivityGraph.FromMatrix(PlantedMatrix());

        var into3 = graph.EdgesInto("m3").Where(e => e.Kind == ConnectivityEdgeKind.Reading).Select(e => e.From).Order().ToArray();
        Assert.Equal(["m0", "m2"], into3);
    }

    [Fact]
    public void Strength_is_the_share_of_reading_weight_mass_per_source_slice()
    {
        var matrix = PlantedMatrix();

        Assert.Equal(0, matrix.Strength("m3", "m1"));
        Assert.Equal(0, matrix.Strength("m3", "m3"));
        for (var reader = 0; reader < matrix.ModuleCount; reader++)
        {
            Assert.Equal(1, Enumerable.Range(0, matrix.ModuleCount).Sum(source => matrix[reader, source]), 12);
        }

        // |w| = 1 on m0's slice and 3 on m2's: shares 1/4 and 3/4, whatever the signs.
        var values = new float[2 * Planted.Layout.Size];
        for (var col = 0; col < Planted.SliceSize; col++)
        {
            values[col] = 1;
            values[Planted.Layout.Size + col] = -1;
            values[(2 * Planted.SliceSize) + col] = 3;
            values[Planted.Layout.Size + (2 * Planted.SliceSize) + col] = -3;
        }

        var weights = Planted.Weights();
        weights["m1"] = new DenseMatrix(2, Planted.Layout.Size, values);
        var handmade = ConnectivityMatrix.FromReadingWeights(Planted.Layout, weights);
        Assert.Equal([0.25, 0, 0.75, 0], Enumerable.Range(0, 4).Select(source => handmade[1, source]));
    }

    [Fact]
    public void Threshold_defaults_to_a_quarter_above_the_even_share_and_is_inclusive()
    {
        Assert.Equal(0.3125, ConnectivityMatrix.DefaultThreshold(4));
        Assert.Equal(1.25 / 6, ConnectivityMatrix.DefaultThreshold(6));
        Assert.Equal(1, ConnectivityMatrix.DefaultThreshold(1));
        var values = new float[Planted.Layout.Size];
        values[0] = 5;        // m0: 5/16, exactly the threshold
        values[8] = 3;        // m1: 3/16
        values[16] = 0.5f;    // m2: 1/32
        values[24] = 7.5f;    // m3: 15/32
        var weights = Planted.Weights();
        weights["m1"] = new DenseMatrix(1, Planted.Layout.Size, values);

        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(Planted.Layout, weights));

        Assert.Equal(0.3125, graph.Threshold);
        Assert.Equal(["m0", "m3"], graph.EdgesInto("m1").Select(e => e.From));
    }

    [Fact]
    public void Readers_that_spread_their_weight_evenly_draw_no_edges()
    {
        // Random weights on every slice: each reader's shares scatter around the even 1/4, as before training.
        var graph = ConnectivityGraph.FromMatrix(PlantedMatrix());

        foreach (var reader in new[] { "m0", "m1", "m2" })
        {
            Assert.DoesNotContain(graph.EdgesInto(reader), e => e.Kind == ConnectivityEdgeKind.Reading);
        }
    }

    [Fact]
    public void Self_loops_can_be_left_out()
    {
        var matrix = PlantedMatrix();
        var with = ConnectivityGraph.FromMatrix(matrix, threshold: 0.125);
        var without = ConnectivityGraph.FromMatrix(matrix, threshold: 0.125, includeSelfLoops: false);

        Assert.Contains(with.Edges, e => e.From == e.To);
        Assert.DoesNotContain(without.Edges, e => e.From == e.To);
    }

    [Fact]
    public void Task_inputs_and_outputs_become_external_edges()
    {
        var graph = ConnectivityGraph.FromMatrix(PlantedMatrix());

        Assert.Contains(new ConnectivityEdge("input:pixels", "m0", ConnectivityEdgeKind.TaskInput, 1), graph.Edges);
        Assert.Contains(new ConnectivityEdge("m3", "output:digit", ConnectivityEdgeKind.TaskOutput, 1), graph.Edges);
        Assert.Equal(ConnectivityNodeKind.InputModule, graph.Nodes.Single(n => n.Id == "m0").Kind);
        Assert.Equal(ConnectivityNodeKind.OutputModule, graph.Nodes.Single(n => n.Id == "m3").Kind);
        Assert.Equal(ConnectivityNodeKind.TaskInput, graph.Nodes.Single(n => n.Id == "input:pixels").Kind);
    }

    [Fact]
    public void Undeclared_task_inputs_and_outputs_get_generic_nodes()
    {
        var layout = CenterLayout.Sequential([("in", ModuleRole.Input, 2), ("out", ModuleRole.Output, 2)]);
        var weights = new Dictionary<string, DenseMatrix>
        {
            ["in"] = new(1, 4, [1, 1, 1, 1]),
            ["out"] = new(1, 4, [1, 1, 1, 1]),
        };

        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, weights));

        Assert.Contains(new ConnectivityEdge("input:task input", "in", ConnectivityEdgeKind.TaskInput, 1), graph.Edges);
        Assert.Contains(new ConnectivityEdge("out", "output:task output", ConnectivityEdgeKind.TaskOutput, 1), graph.Edges);
    }

    [Fact]
    public void All_zero_weights_give_zero_strengths_and_no_reading_edges()
    {
        var weights = Planted.Weights();
        weights["m2"] = new DenseMatrix(1, Planted.Layout.Size, new float[Planted.Layout.Size]);

        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(Planted.Layout, weights));

        Assert.Empty(graph.EdgesInto("m2"));
        Assert.All(Enumerable.Range(0, 4), source => Assert.Equal(0, graph.Matrix[2, source]));
    }

    [Fact]
    public void Missing_or_mis_sized_reading_matrices_are_rejected()
    {
        var missing = Planted.Weights();
        missing.Remove("m1");
        Assert.Contains("'m1'", Assert.Throws<ArgumentException>(() => ConnectivityMatrix.FromReadingWeights(Planted.Layout, missing)).Message);

        var wrong = Planted.Weights();
        wrong["m1"] = new DenseMatrix(1, 3, [1, 2, 3]);
        Assert.Contains("3 columns", Assert.Throws<ArgumentException>(() => ConnectivityMatrix.FromReadingWeights(Planted.Layout, wrong)).Message);

        var extra = Planted.Weights();
        extra["nobody"] = new DenseMatrix(1, Planted.Layout.Size, new float[Planted.Layout.Size]);
        Assert.Throws<KeyNotFoundException>(() => ConnectivityMatrix.FromReadingWeights(Planted.Layout, extra));
    }

    [Fact]
    public void Matrix_table_has_readers_as_rows()
    {
        var markdown = PlantedMatrix().ToTable().ToMarkdown();

        Assert.StartsWith("| reader \\ source | ", markdown);
        Assert.Contains("| m3              | ", markdown);
        Assert.Contains(" 0.00 |", markdown);
    }
}
