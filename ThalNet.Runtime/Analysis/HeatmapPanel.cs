using System.Globalization;
using System.Text;
using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>One reading-weight heatmap with its title, slice labels, row axis and colour legend; measured before it is drawn.</summary>
internal sealed class HeatmapPanel
{
    private const double TitleHeight = 24;
    private const double Left = 48;
    private const double LegendGap = 16;
    private const double LegendBar = 12;
    private const double LegendTextWidth = 72;
    private const double LegendMinHeight = 64;
    private const double LabelSize = 10;
    private const double LabelAngle = 35;
    private const int LegendSteps = 32;

    private readonly CenterLayout _layout;
    private readonly int _reader;
    private readonly DenseMatrix _weights;
    private readonly HeatmapOptions _options;
    private readonly MagnitudeScale _scale;
    private readonly bool _rotateLabels;

    public HeatmapPanel(CenterLayout layout, string module, DenseMatrix weights, HeatmapOptions options)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _layout = layout;
        _reader = layout.IndexOf(module);
        if (weights.Cols != layout.Size)
        {
            throw new ArgumentException($"The reading matrix of '{module}' has {weights.Cols} columns but the center has {layout.Size} elements.", nameof(weights));
        }

        _weights = weights;
        _options = options;
        _scale = MagnitudeScale.FromPercentiles(weights.Values, options.LowPercentile, options.HighPercentile);
        _rotateLabels = layout.Modules.Any(m => TextWidth(m.Name, LabelSize) > (m.Size * options.CellSize) - 2);

        var reader = layout.Modules[_reader];
        Title = $"{reader.Name} ({reader.Role.ToString().ToLowerInvariant()}) reads {weights.Rows} context elements from {weights.Cols} center elements";
        GridWidth = weights.Cols * options.CellSize;
        GridHeight = weights.Rows * options.CellSize;
        var longestLabel = layout.Modules.Max(m => TextWidth(m.Name, LabelSize));
        var labelDepth = _rotateLabels ? (longestLabel * Math.Sin(LabelAngle * Math.PI / 180)) + 14 : 14;
        Bottom = labelDepth + 18;
        Width = Math.Max(Left + GridWidth + LegendGap + LegendBar + LegendTextWidth, TextWidth(Title, 12) + 24);
        Height = TitleHeight + Math.Max(GridHeight, LegendMinHeight) + Bottom;
    }

    public string Title { get; }

    public double Width { get; }

    public double Height { get; }

    private double GridWidth { get; }

    private double GridHeight { get; }

    private double Bottom { get; }

    public void Draw(SvgWriter svg)
    {
        svg.Text(12, 16, Title, size: 12, bold: true);
        svg.BeginGroup(Left, TitleHeight);
        DrawCells(svg);
        DrawSlices(svg);
        DrawRowAxis(svg);
        DrawLegend(svg);
        svg.EndGroup();
    }

    private void DrawCells(SvgWriter svg)
    {
        // One path per colour, made of the row runs of that colour: a fraction of the size of one
        // rectangle per cell, and still plain vector graphics.
        var cell = _options.CellSize;
        var runs = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (var row = 0; row < _weights.Rows; row++)
        {
            var values = _weights.Row(row);
            var start = 0;
            var colour = ColourOf(values[0]);
            for (var col = 1; col <= values.Length; col++)
            {
                var next = col < values.Length ? ColourOf(values[col]) : null;
                if (next != colour)
                {
                    if (!runs.TryGetValue(colour, out var path))
                    {
                        runs[colour] = path = new StringBuilder();
                    }

                    var width = Num((col - start) * cell);
                    path.Append($"M{Num(start * cell)} {Num(row * cell)}h{width}v{Num(cell)}h-{width}z");
                    (start, colour) = (col, next!);
                }
            }
        }

        svg.BeginGroup("shape-rendering=\"crispEdges\"");
        foreach (var (colour, path) in runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            svg.Path(path.ToString(), "none", 0, fill: colour);
        }

        svg.EndGroup();
        svg.Rect(0, 0, GridWidth, GridHeight, "none", "#333");
    }

    private string ColourOf(float value)
    {
        // 128 levels are more than the eye separates and let runs merge.
        var t = Math.Round(_scale.Normalize(value) * 127) / 127;
        return _options.Colors.Map(t);
    }

    private void DrawSlices(SvgWriter svg)
    {
        var cell = _options.CellSize;
        for (var i = 0; i < _layout.Modules.Count; i++)
        {
            var module = _layout.Modules[i];
            if (module.Offset > 0)
            {
                svg.Line(module.Offset * cell, -3, module.Offset * cell, GridHeight + 3, "#ff3d00", 1.5);
            }

            var x = (module.Offset + (module.Size / 2.0)) * cell;
            if (_rotateLabels)
            {
                svg.Text(x, GridHeight + 12, module.Name, LabelSize, "start", bold: i == _reader, rotate: LabelAngle);
            }
            else
            {
                svg.Text(x, GridHeight + 13, module.Name, LabelSize, "middle", bold: i == _reader);
            }
        }

        svg.Text(GridWidth / 2, GridHeight + Bottom - 4, "center elements, by module slice", 10, "middle", fill: "#555");
    }

    private void DrawRowAxis(SvgWriter svg)
    {
        var cell = _options.CellSize;
        var step = (int)AxisTicks.Step(Math.Max(1, _weights.Rows / 4.0));
        for (var row = 0; row < _weights.Rows; row += step)
        {
            var y = (row + 0.5) * cell;
            svg.Line(-3, y, 0, y, "#333");
            svg.Text(-5, y + 3, row.ToString(CultureInfo.InvariantCulture), 9, "end");
        }

        svg.Text(-30, GridHeight / 2, "context", 10, "middle", rotate: -90, fill: "#555");
    }

    private void DrawLegend(SvgWriter svg)
    {
        var x = GridWidth + LegendGap;
        var height = Math.Max(GridHeight, LegendMinHeight) - 20;
        var top = 14.0;
        svg.Text(x, top - 4, "|w|", 10, fill: "#555");
        var segment = height / LegendSteps;
        svg.BeginGroup("shape-rendering=\"crispEdges\"");
        for (var i = 0; i < LegendSteps; i++)
        {
            var t = 1 - ((i + 0.5) / LegendSteps);
            svg.Rect(x, top + (i * segment), LegendBar, segment + 0.5, _options.Colors.Map(t));
        }

        svg.EndGroup();
        svg.Rect(x, top, LegendBar, height, "none", "#333");
        svg.Text(x + LegendBar + 4, top + 8, $"≥ {Value(_scale.High)}", 9);
        svg.Text(x + LegendBar + 4, top + height, $"≤ {Value(_scale.Low)}", 9);
        svg.Text(x + LegendBar + 4, top + (height / 2) + 3, $"p{Value(_options.LowPercentile)}–p{Value(_options.HighPercentile)}", 8, fill: "#777");
    }
}
