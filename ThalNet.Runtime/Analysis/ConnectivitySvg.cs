using static ThalNet.Runtime.Analysis.XmlText;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Draws a <see cref="ConnectivityGraph"/> in layered columns, left to right: task inputs, input
/// modules, side modules, output modules, task outputs. Reading edges are arrows whose width grows
/// with the strength, which is also written on them; they bend only to pass other nodes or to keep
/// j -> i and i -> j apart.
/// </summary>
public static class ConnectivitySvg
{
    private const double ModuleRadius = 30;
    private const double TaskRadius = 24;
    private const double ColumnSpacing = 170;
    private const double RowSpacing = 120;
    private const double Margin = 24;
    private const double TitleHeight = 30;
    private const double LegendHeight = 56;

    private static readonly ConnectivityNodeKind[] ColumnOrder =
    [
        ConnectivityNodeKind.TaskInput,
        ConnectivityNodeKind.InputModule,
        ConnectivityNodeKind.SideModule,
        ConnectivityNodeKind.OutputModule,
        ConnectivityNodeKind.TaskOutput,
    ];

    /// <summary>The graph as an SVG drawing: task inputs, input, side and output modules and task outputs in columns,
    /// edges drawn thicker the stronger they are.</summary>
    /// <param name="graph">The graph to draw.</param>
    /// <param name="title">The figure's title.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="graph"/> is null.</exception>
    public static string Render(ConnectivityGraph graph, string title = "Connectivity between modules")
    {
        ArgumentNullException.ThrowIfNull(graph);
        var (places, width, height) = Arrange(graph);
        var curves = graph.Edges.Select(edge => Route(edge, graph, places)).ToList();
        var svg = new SvgWriter();
        svg.Text(Margin, 20, title, 15, bold: true);
        for (var i = 0; i < curves.Count; i++)
        {
            DrawEdge(svg, graph.Edges[i], curves[i]);
        }

        foreach (var node in graph.Nodes)
        {
            DrawNode(svg, node, places[node.Id]);
        }

        svg.BeginGroup("class=\"edge-labels\"");
        foreach (var label in PlaceLabels(graph, curves, places))
        {
            svg.Rect(label.X - (label.Width / 2), label.Y - (LabelHeight / 2), label.Width, LabelHeight, "#ffffff", radius: 2);
            svg.Text(label.X, label.Y + 3, label.Text, 9, "middle", fill: "#263238");
        }

        svg.EndGroup();

        DrawLegend(svg, graph, height - LegendHeight + 10);
        return svg.ToSvg(width, height, title);
    }

    /// <summary>Node centres in columns by kind, each column centred vertically, and the figure's size.</summary>
    private static (Dictionary<string, Place> Places, double Width, double Height) Arrange(ConnectivityGraph graph)
    {
        var columns = ColumnOrder
            .Select(kind => graph.Nodes.Where(n => n.Kind == kind).ToList())
            .Where(column => column.Count > 0)
            .ToList();
        var tallest = columns.Max(c => c.Count);
        // Room above the first row for self-loops.
        var top = TitleHeight + (2.4 * ModuleRadius);
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var offset = (tallest - columns[c].Count) * RowSpacing / 2;
            for (var k = 0; k < columns[c].Count; k++)
            {
                var node = columns[c][k];
                var radius = ConnectivityGraph.IsModule(node.Kind) ? ModuleRadius : TaskRadius;
                places[node.Id] = new Place(Margin + ModuleRadius + (c * ColumnSpacing), top + offset + (k * RowSpacing), radius);
            }
        }

        var width = Math.Max((2 * Margin) + (2 * ModuleRadius) + ((columns.Count - 1) * ColumnSpacing), 520);
        var height = top + ((tallest - 1) * RowSpacing) + ModuleRadius + 30 + LegendHeight;
        return (places, width, height);
    }

    private static void DrawNode(SvgWriter svg, ConnectivityNode node, Place place)
    {
        var (fill, stroke) = ConnectivityStyle.Colours(node.Kind);
        var isModule = ConnectivityGraph.IsModule(node.Kind);
        svg.Circle(place.X, place.Y, place.R, fill, stroke, isModule ? 2 : 1.5, isModule ? null : "4 3");
        var size = Math.Clamp(((2 * place.R) - 8) / (0.6 * Math.Max(1, node.Label.Length)), 7, 12);
        svg.Text(place.X, place.Y + (size * 0.35), node.Label, size, "middle", bold: isModule);
    }

    private static void DrawEdge(SvgWriter svg, ConnectivityEdge edge, Curve curve)
    {
        var width = ConnectivityStyle.EdgeWidth(edge);
        var colour = edge.Kind == ConnectivityEdgeKind.Reading ? ConnectivityStyle.ReadingEdge : ConnectivityStyle.TaskEdge;
        var dash = edge.Kind == ConnectivityEdgeKind.Reading ? null : "5 4";
        var arrow = 7 + (1.5 * width);
        var direction = Unit(curve.Tip.X - curve.Control2.X, curve.Tip.Y - curve.Control2.Y);
        // The shaft stops inside the arrowhead so its blunt end does not poke past the tip.
        var shaftEnd = new Point(curve.Tip.X - (direction.X * arrow * 0.7), curve.Tip.Y - (direction.Y * arrow * 0.7));
        svg.Path(
            $"M {Num(curve.Start.X)} {Num(curve.Start.Y)} C {Num(curve.Control1.X)} {Num(curve.Control1.Y)} {Num(curve.Control2.X)} {Num(curve.Control2.Y)} {Num(shaftEnd.X)} {Num(shaftEnd.Y)}",
            colour, width, dash: dash, opacity: 0.8);
        var (nx, ny) = (-direction.Y * arrow * 0.5, direction.X * arrow * 0.5);
        var (baseX, baseY) = (curve.Tip.X - (direction.X * arrow), curve.Tip.Y - (direction.Y * arrow));
        svg.Polygon([(curve.Tip.X, curve.Tip.Y), (baseX + nx, baseY + ny), (baseX - nx, baseY - ny)], colour, 0.8);
    }

    /// <summary>
    /// Places each reading edge's strength label on its curve where it overlaps no other label and no node: at the
    /// middle if that is free, else further along or beside the curve (with six modules and every edge drawn, the
    /// middles of crossing edges coincide). A label that finds no free place keeps the middle.
    /// </summary>
    private static List<EdgeLabel> PlaceLabels(ConnectivityGraph graph, List<Curve> curves, Dictionary<string, Place> places)
    {
        var placed = new List<EdgeLabel>();
        for (var i = 0; i < curves.Count; i++)
        {
            var edge = graph.Edges[i];
            if (edge.Kind != ConnectivityEdgeKind.Reading)
            {
                continue;
            }

            var text = Share(edge.Strength);
            var width = TextWidth(text, 9) + 4;
            var candidates = LabelSpots(edge, curves[i]).Select(p => new EdgeLabel(p.X, p.Y, width, text)).ToList();
            placed.Add(candidates.FirstOrDefault(c => !placed.Any(c.Overlaps) && places.Values.All(c.Clears)) ?? candidates[0]);
        }

        return placed;
    }

    /// <summary>Where a label may sit, best first: along the curve from its middle outwards, on it and to either side.</summary>
    private static IEnumerable<Point> LabelSpots(ConnectivityEdge edge, Curve curve)
    {
        // A self-loop's label sits above the loop rather than on it.
        var lift = edge.From == edge.To ? -9 : 0;
        foreach (var t in (double[])[0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78])
        {
            var at = curve.At(t);
            var ahead = curve.At(Math.Min(t + 0.01, 1));
            var (ux, uy) = Unit(ahead.X - at.X, ahead.Y - at.Y);
            foreach (var side in (double[])[0, LabelHeight, -LabelHeight])
            {
                yield return new Point(at.X - (uy * side), at.Y + lift + (ux * side));
            }
        }
    }

    /// <summary>
    /// A curve from the rim of one node to the rim of another, or a loop above a node onto itself.
    /// Edges are straight unless they would cross another node, or unless the reverse edge exists
    /// (then both bend to their own left and stay apart); the first bend that clears every other node wins.
    /// </summary>
    private static Curve Route(ConnectivityEdge edge, ConnectivityGraph graph, Dictionary<string, Place> places)
    {
        var (from, to) = (places[edge.From], places[edge.To]);
        if (edge.From == edge.To)
        {
            var r = from.R;
            return new Curve(new(from.X - (r * 0.5), from.Y - (r * 0.87)), new(from.X - (r * 1.3), from.Y - (r * 2.4)),
                new(from.X + (r * 1.3), from.Y - (r * 2.4)), new(from.X + (r * 0.5), from.Y - (r * 0.87)));
        }

        var distance = Math.Sqrt(((to.X - from.X) * (to.X - from.X)) + ((to.Y - from.Y) * (to.Y - from.Y)));
        var reverse = graph.Edges.Any(e => e.From == edge.To && e.To == edge.From);
        double[] bends = reverse
            ? [Math.Min(0.15 * distance, 30), 0.3 * distance, 0.45 * distance]
            : [0, 0.2 * distance, -0.2 * distance, 0.35 * distance, -0.35 * distance, 0.5 * distance, -0.5 * distance];
        var obstacles = places.Where(p => p.Key != edge.From && p.Key != edge.To).Select(p => p.Value).ToList();
        var curves = bends.Select(bend => Bent(from, to, bend));
        return curves.FirstOrDefault(curve => obstacles.All(curve.Clears)) ?? Bent(from, to, bends[0]);
    }

    private static Curve Bent(Place from, Place to, double bend)
    {
        var (ux, uy) = Unit(to.X - from.X, to.Y - from.Y);
        // Positive bends go to the left of the direction of travel, so opposite edges part.
        var (nx, ny) = (uy * bend, -ux * bend);
        var c1 = new Point(from.X + ((to.X - from.X) / 3) + nx, from.Y + ((to.Y - from.Y) / 3) + ny);
        var c2 = new Point(from.X + (2 * (to.X - from.X) / 3) + nx, from.Y + (2 * (to.Y - from.Y) / 3) + ny);
        var start = Unit(c1.X - from.X, c1.Y - from.Y);
        var end = Unit(to.X - c2.X, to.Y - c2.Y);
        return new Curve(new(from.X + (start.X * from.R), from.Y + (start.Y * from.R)), c1, c2,
            new(to.X - (end.X * to.R), to.Y - (end.Y * to.R)));
    }

    private static (double X, double Y) Unit(double x, double y)
    {
        var length = Math.Sqrt((x * x) + (y * y));
        return length == 0 ? (1, 0) : (x / length, y / length);
    }

    private static void DrawLegend(SvgWriter svg, ConnectivityGraph graph, double y)
    {
        var x = Margin;
        foreach (var kind in ColumnOrder.Where(k => graph.Nodes.Any(n => n.Kind == k)))
        {
            var (fill, stroke) = ConnectivityStyle.Colours(kind);
            var label = ConnectivityStyle.Name(kind).Replace('-', ' ');
            svg.Circle(x + 6, y, 6, fill, stroke, 1.5, ConnectivityGraph.IsModule(kind) ? null : "3 2");
            svg.Text(x + 16, y + 4, label, 10);
            x += 28 + TextWidth(label, 10);
        }

        svg.Text(Margin, y + 22, "Arrow j → i: module i reads module j's features.", 10, fill: "#555");
        svg.Text(Margin, y + 36, $"Width and label: share of i's reading-weight mass on j; shown when ≥ {Share(graph.Threshold)}.", 10, fill: "#555");
    }

    private const double LabelHeight = 12;

    private readonly record struct Point(double X, double Y);

    /// <summary>A strength label centred at (X, Y).</summary>
    private sealed record EdgeLabel(double X, double Y, double Width, string Text)
    {
        public bool Overlaps(EdgeLabel other) =>
            Math.Abs(X - other.X) < ((Width + other.Width) / 2) + 1 && Math.Abs(Y - other.Y) < LabelHeight + 1;

        /// <summary>Whether the label's box stays off the node's circle.</summary>
        public bool Clears(Place place)
        {
            var nearestX = Math.Clamp(place.X, X - (Width / 2), X + (Width / 2));
            var nearestY = Math.Clamp(place.Y, Y - (LabelHeight / 2), Y + (LabelHeight / 2));
            return ((nearestX - place.X) * (nearestX - place.X)) + ((nearestY - place.Y) * (nearestY - place.Y)) >= place.R * place.R;
        }
    }

    private readonly record struct Place(double X, double Y, double R);

    /// <summary>A cubic Bezier curve.</summary>
    private sealed record Curve(Point Start, Point Control1, Point Control2, Point Tip)
    {
        public Point At(double t)
        {
            var u = 1 - t;
            double Mix(double a, double b, double c, double d) => (u * u * u * a) + (3 * u * u * t * b) + (3 * u * t * t * c) + (t * t * t * d);
            return new Point(Mix(Start.X, Control1.X, Control2.X, Tip.X), Mix(Start.Y, Control1.Y, Control2.Y, Tip.Y));
        }

        /// <summary>Whether the curve keeps a few pixels away from the node at <paramref name="place"/>.</summary>
        public bool Clears(Place place) =>
            Enumerable.Range(0, 21).Select(i => At(i / 20.0)).All(p => Math.Sqrt(((p.X - place.X) * (p.X - place.X)) + ((p.Y - place.Y) * (p.Y - place.Y))) >= place.R + 6);
    }
}
