namespace ThalNet.Examples.DesignStudy;

/// <summary>One row of dots per kind of run pair: the Pearson correlation of their connectivity matrices, with the mean marked.</summary>
internal static class SimilaritySvg
{
    private const double Left = 220;
    private const double Width = 420;
    private const double Row = 44;
    private const double Top = 40;

    public static string Render(IReadOnlyList<(string Group, double R)> pairs)
    {
        var groups = ConnectivitySimilarity.Groups;
        var canvas = new SvgCanvas(Left + Width + 30, Top + (Row * groups.Count) + 50);
        double X(double r) => Left + ((r + 1) / 2 * Width);
        canvas.Text(Left + (Width / 2), 22, "Similarity of learned connectivity (Pearson r of connectivity matrices)", 13, "middle", bold: true);
        for (var tick = -1.0; tick <= 1.0001; tick += 0.5)
        {
            canvas.Line(X(tick), Top, X(tick), Top + (Row * groups.Count), tick == 0 ? "#999" : "#e5e5e5");
            canvas.Text(X(tick), Top + (Row * groups.Count) + 16, FormattableString.Invariant($"{tick:0.0}"), 11, "middle");
        }

        canvas.Text(Left + (Width / 2), Top + (Row * groups.Count) + 34, "Pearson r", 12, "middle");
        for (var g = 0; g < groups.Count; g++)
        {
            var y = Top + (Row * g) + (Row / 2);
            var color = SvgCanvas.Palette[g];
            canvas.Text(Left - 10, y + 4, groups[g], 11, "end");
            var values = pairs.Where(p => p.Group == groups[g]).Select(p => p.R).ToList();
            for (var i = 0; i < values.Count; i++)
            {
                // A fixed spread by index keeps the figure identical between runs of the same results.
                var jitter = ((i * 7919 % 17) - 8) * 1.4;
                canvas.Circle(X(values[i]), y + jitter, 2.2, color, 0.45);
            }

            if (values.Count > 0)
            {
                var mean = values.Average();
                canvas.Line(X(mean), y - 16, X(mean), y + 16, "black", 2.5);
            }
        }

        return canvas.ToSvg("Similarity of learned connectivity across seeds and configurations");
    }
}
