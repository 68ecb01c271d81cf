namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// Figure 5 of the paper: test accuracy over epochs, one band per group spanning the bottom to the top run with a
/// line at the median; left grouped by module design (over readers and seeds), right by reader (over designs and seeds).
/// </summary>
internal static class Figure5Svg
{
    private const double PanelWidth = 420;
    private const double PanelHeight = 300;
    private const double Left = 60;
    private const double Top = 40;
    private const double Gap = 110;

    public static string Render(IReadOnlyList<StudyResult> results)
    {
        var epochs = results.Count == 0 ? 1 : results.Max(r => r.TestAccuracy.Length);
        var low = results.Count == 0 ? 0 : Math.Floor(results.SelectMany(r => r.TestAccuracy).Min() * 10) / 10;
        var canvas = new SvgCanvas(Left + (2 * PanelWidth) + Gap + 30, Top + PanelHeight + 110);
        Panel(canvas, Left, "(a) by module design", StudyConfiguration.Designs, r => r.Design, results, epochs, low);
        Panel(canvas, Left + PanelWidth + Gap, "(b) by reading mechanism", StudyConfiguration.Readings, r => r.Reading, results, epochs, low);
        return canvas.ToSvg("Design study: test accuracy over epochs (top, median, bottom run per group)");
    }

    private static void Panel(SvgCanvas canvas, double x0, string title, IReadOnlyList<string> groups, Func<StudyResult, string> groupOf, IReadOnlyList<StudyResult> results, int epochs, double low)
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
            canvas.Text(X(epoch), Top + PanelHeight + 16, epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), 11, "middle");
        }

        canvas.Text(x0 + (PanelWidth / 2), Top + PanelHeight + 34, "epoch", 12, "middle");
        canvas.Text(x0 - 42, Top + (PanelHeight / 2), "test accuracy", 12, "middle", rotate: -90);
        for (var g = 0; g < groups.Count; g++)
        {
            var color = SvgCanvas.Palette[g % SvgCanvas.Palette.Count];
            var runs = results.Where(r => groupOf(r) == groups[g]).ToList();
            var bands = Enumerable.Range(1, epochs)
                .Select(e => (Epoch: e, Values: runs.Where(r => r.TestAccuracy.Length >= e).Select(r => r.TestAccuracy[e - 1]).Order().ToList()))
                .Where(b => b.Values.Count > 0)
                .ToList();
            if (bands.Count > 0)
            {
                var top = bands.Select(b => (X(b.Epoch), Y(b.Values[^1])));
                var bottom = bands.Select(b => (X(b.Epoch), Y(b.Values[0]))).Reverse();
                canvas.Polygon(top.Concat(bottom), color, 0.18);
                var median = bands.Select(b => (X(b.Epoch), Y(Median(b.Values)))).ToList();
                canvas.Polyline(median, color);
                foreach (var (x, y) in median)
                {
                    canvas.Circle(x, y, 3, color);
                }
            }

            var legendY = Top + PanelHeight + 56 + (16 * (g / 3));
            var legendX = x0 + (140 * (g % 3));
            canvas.Rect(legendX, legendY - 9, 12, 10, color);
            canvas.Text(legendX + 16, legendY, groups[g], 11);
        }
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
