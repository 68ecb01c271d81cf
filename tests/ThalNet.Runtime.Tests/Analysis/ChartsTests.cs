using System.Xml.Linq;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IReadOnlyList<MetricsRecord> Records()
    {
        var lines = new List<string>();
        for (var step = 0; step <= 2000; step += 50)
        {
            lines.Add($$"""{"step":{{step}},"epoch":{{step / 500}},"split":"train","loss":{{2.3 * Math.Exp(-step / 700.0):R}},"accuracy":{{1 - Math.Exp(-step / 400.0):R}}}""");
            if (step % 500 == 0)
            {
                lines.Add($$"""{"step":{{step}},"split":"test","loss":{{2.4 * Math.Exp(-step / 800.0):R}},"accuracy":{{0.95 - Math.Exp(-step / 450.0):R}}}""");
            }
        }

        return MetricsLog.Parse(string.Join("\n", lines));
    }

    [Fact]
    public void Metric_names_leave_out_the_epoch()
    {
        Assert.Equal(["loss", "accuracy"], TrainingCurves.MetricNames(Records()));
    }

    [Fact]
    public void Chart_has_one_series_per_split_sorted_by_step()
    {
        var chart = TrainingCurves.Chart(Records(), "loss");

        Assert.Equal(["train", "test"], chart.Series.Select(s => s.Name));
        Assert.Equal(41, chart.Series[0].Points.Count);
        Assert.Equal([0.0, 500, 1000, 1500, 2000], chart.Series[1].Points.Select(p => p.X));
        Assert.Equal("step", chart.XLabel);
    }

    [Fact]
    public void Curves_parse_as_svg_with_axes_ticks_and_legend()
    {
        foreach (var (metric, svg) in TrainingCurves.RenderAll(Records()))
        {
            var document = Planted.Xml(svg);
            var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains($"{metric} vs step", texts);
            Assert.Contains("train", texts);
            Assert.Contains("test", texts);
            Assert.Contains("2000", texts);
            Assert.Equal(2, document.Descendants(Svg + "path").Count());
        }
    }

    [Fact]
    public void Non_finite_values_break_the_line_and_empty_charts_still_render()
    {
        var chart = new LineChart("t", "x", "y", [new ChartSeries("s", [(0, 1), (1, double.NaN), (2, 3), (3, 4)])]);
        var path = Planted.Xml(LineChartSvg.Render(chart)).Descendants(Svg + "path").Single().Attribute("d")!.Value;

        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Contains("no data", LineChartSvg.Render(new LineChart("t", "x", "y", [])));
    }

    [Fact]
    public void Ablation_table_and_chart_show_the_drop()
    {
        AblationResult[] results = [new("vision", 0.97, 0.11), new("side1", 0.97, 0.93), new("side2", 0.97, 0.975)];

        var markdown = AblationReport.ToMarkdown(results);
        Assert.Contains("| vision |            0.9700 |           0.1100 |  0.8600 |         88.7% |", markdown);
        Assert.Contains("-0.0050", markdown);

        var document = Planted.Xml(AblationReport.RenderSvg(results));
        var bars = document.Descendants(Svg + "rect").Where(r => r.Attribute("fill")!.Value is "#c62828" or "#2e7d32").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal("#2e7d32", bars[2].Attribute("fill")!.Value);

        Assert.Equal(0.05, new AblationResult("text", 1.39, 1.44).Drop(higherIsBetter: false), 9);
        Assert.Contains("ablated − baseline bpc", AblationReport.RenderSvg([new("text", 1.39, 1.44)], "bpc", higherIsBetter: false));
    }

    [Fact]
    public void Markdown_tables_are_padded_aligned_and_escaped()
    {
        var table = new TextTable(["name", "value"], [ColumnAlignment.Left, ColumnAlignment.Right]);
        table.AddRow("a|b", "1.5");
        table.AddRow("c", "10.25");

        Assert.Equal(
            "| name | value |\n" +
            "| ---- | ----: |\n" +
            "| a\\|b |   1.5 |\n" +
            "| c    | 10.25 |\n",
            table.ToMarkdown());
        Assert.Throws<ArgumentException>(() => table.AddRow("only one"));
    }
}
