using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

/// <summary>
/// Curves of a log with a regression output ('value', mse) and a classification output ('sign'): one panel per metric
/// kind, the loss panel without the regression head, one hue per output with test dashed, throughput alone and last.
/// </summary>
public sealed class TrainingCurvePanelsTests
{
    private static readonly string Log = string.Join('\n',
        Line(1, "train", "value", "\"loss\":0.9,\"mse\":0.9,\"rmse\":0.95,\"samples_per_second\":100"),
        Line(1, "train", "sign", "\"loss\":0.7,\"accuracy\":0.5,\"samples_per_second\":100"),
        Line(10, "train", "value", "\"loss\":0.5,\"mse\":0.5,\"rmse\":0.71,\"samples_per_second\":120"),
        Line(10, "train", "sign", "\"loss\":0.6,\"accuracy\":0.6,\"samples_per_second\":120"),
        Line(10, "test", "value", "\"loss\":0.6,\"mse\":0.6,\"rmse\":0.77"),
        Line(10, "test", "sign", "\"loss\":0.65,\"accuracy\":0.55"));

    [Fact]
    public void Each_metric_kind_has_its_panel_and_throughput_comes_last()
    {
        var records = MetricsLog.Parse(Log);

        Assert.Equal(["loss", "mse", "accuracy", TrainingCurves.Throughput], TrainingCurves.RenderAll(records).Select(c => c.Metric));
    }

    [Fact]
    public void The_loss_panel_leaves_out_the_regression_head_whose_loss_is_its_mse()
    {
        var loss = TrainingCurves.Chart(MetricsLog.Parse(Log), "loss");

        Assert.Equal(["train sign", "test sign"], loss.Series.Select(s => s.Name));
    }

    [Fact]
    public void Train_and_test_of_one_output_share_a_hue_and_test_is_dashed()
    {
        var records = MetricsLog.Parse(Log);
        var mse = TrainingCurves.Chart(records, "mse");
        var accuracy = TrainingCurves.Chart(records, "accuracy");

        Assert.Equal([false, true], mse.Series.Select(s => s.Dashed));
        Assert.Single(mse.Series.Select(s => s.Hue).Distinct());
        Assert.Single(accuracy.Series.Select(s => s.Hue).Distinct());
        Assert.NotEqual(mse.Series[0].Hue, accuracy.Series[0].Hue);
        Assert.Equal(1.0, mse.Series[0].Points[0].X);
        Assert.Contains("stroke-dasharray", LineChartSvg.Render(mse), StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_is_one_line_per_split_not_one_per_output()
    {
        var throughput = TrainingCurves.Chart(MetricsLog.Parse(Log), TrainingCurves.Throughput);

        var train = Assert.Single(throughput.Series);
        Assert.Equal([(1.0, 100.0), (10.0, 120.0)], train.Points);
        Assert.Equal("samples per second", throughput.YLabel);
    }

    private static string Line(long step, string split, string output, string values) =>
        $"{{\"step\":{step},\"split\":\"{split}\",\"output\":\"{output}\",{values}}}";
}
