namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// Figure 5 of the paper: test accuracy over epochs. Each configuration is first averaged over its seeds; then, left,
/// for each module design the top, median and bottom of its configurations (over the reading mechanisms) and, right,
/// for each reading mechanism the same over the module designs: a band from bottom to top, a line at the median.
/// The 4-layer GRU baseline (mean over its seeds) is the dashed black line in both panels.
/// </summary>
internal static class Figure5Svg
{
    private const double PanelWidth = 420;
    private const double PanelHeight = 300;
    private const double Left = 60;
    private const double Top = 40;
    private const double Gap = 110;
    private const string BaselineColor = "#000000";

    public static string Render(IReadOnlyList<StudyResult> results)
    {
        var configurations = ConfigurationRuns.Of(results);
        var curves = configurations.Select(c => (Runs: c, Curve: c.MeanCurve)).ToList();
        var epochs = curves.Count == 0 ? 1 : curves.Max(c => c.Curve.Length);
        var values = curves.SelectMany(c => c.Curve).ToList();
        var low = values.Count == 0 ? 0 : Math.Floor(values.Min() * 10) / 10;
        var canvas = new SvgCanvas(Left + (2 * PanelWidth) + Gap + 30, Top + PanelHeight + 110);
        Panel(canvas, Left, "(a) by module design", StudyConfiguration.Designs, c => c.Design, curves, epochs, low);
        Panel(canvas, Left + PanelWidth + Gap, "(b) by reading mechanism", StudyConfiguration.Readings, c => c.Reading, curves, epochs, low);
        return canvas.ToSvg("Design study: test accuracy over epochs (top, median, bottom configuration per group; seeds averaged)");
    }

    private static void Panel(SvgCanvas canvas, double x0, string title, IReadOnlyList<string> groups, Func<ConfigurationRuns, string> groupOf,
        IReadOnlyList<(ConfigurationRuns Runs, double[] Curve)> curves, int epochs, double low)
    {
        double X(int epoch) => x0 + (epochs == 1 ? PanelWidth / 2 : (epoch - 1) * PanelWidth / (epochs - 1));
        double Y(double accuracy) => Top + PanelHeight - ((accuracy - low) / (1 - low) * PanelHeight);

        canvas.Text(x0 + (PanelWidth / 2), Top - 16, title, 14, "middle", bold: true);
        canvas.Rect(x0, Top, PanelWidth, PanelHeight, "none", "#888");
        for (var tick = low; tick <= 1.0001; tick += 0.1)
        {
            canvas.Line(x0, Y(tick), x0 + PanelWidth, Y(tick), "#e5e5e5");
            canvas.Text(x0 - 6, Y(tick) + 4, FormattableString.Invariant($"{tick:0.0}"), 11, "end");
        }

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            if (epochs <= 10 || epoch == 1 || epoch % 5 == 0)
            {
                canvas.Text(X(epoch), Top + PanelHeight + 16, epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), 11, "middle");
            }
        }

        canvas.Text(x0 + (PanelWidth / 2), Top + PanelHeight + 34, "epoch", 12, "middle");
        canvas.Text(x0 - 42, Top + (PanelHeight / 2), "test accuracy", 12, "middle", rotate: -90);
        for (var g = 0; g < groups.Count; g++)
        {
            var color = SvgCanvas.Palette[g % SvgCanvas.Palette.Count];
            var members = curves.Where(c => !c.Runs.IsBaseline && groupOf(c.Runs) == groups[g]).Select(c => c.Curve).ToList();
            var bands = Enumerable.Range(1, epochs)
                .Select(e => (Epoch: e, Values: members.Where(c => c.Length >= e).Select(c => c[e - 1]).Order().ToList()))
                .Where(b => b.Values.Count > 0)
                .ToList();
            if (bands.Count > 0)
            {
                var top = bands.Select(b => (X(b.Epoch), Y(b.Values[^1])));
                var bottom = bands.Select(b => (X(b.Epoch), Y(b.Values[0]))).Reverse();
                canvas.Polygon(top.Concat(bottom), color, 0.18);
                var median = bands.Select(b => (X(b.Epoch), Y(Statistics.Median(b.Values)))).ToList();
                canvas.Polyline(median, color);
                foreach (var (x, y) in median)
                {
                    canvas.Circle(x, y, 2.5, color);
                }
            }

            Legend(canvas, x0, g, color, groups[g]);
        }

        if (curves.FirstOrDefault(c => c.Runs.IsBaseline) is { Curve.Length: > 0 } baseline)
        {
            canvas.Polyline(baseline.Curve.Select((a, e) => (X(e + 1), Y(a))), BaselineColor, 1.5, "6 4");
            Legend(canvas, x0, groups.Count, BaselineColor, $"GRU baseline (4 x {StudyBaseline.HiddenSize})");
        }
    }

    private static void Legend(SvgCanvas canvas, double x0, int index, string color, string label)
    {
        var legendY = Top + PanelHeight + 56 + (16 * (index / 3));
        var legendX = x0 + (140 * (index % 3));
        canvas.Rect(legendX, legendY - 9, 12, 10, color);
        canvas.Text(legendX + 16, legendY, label, 11);
    }
}
