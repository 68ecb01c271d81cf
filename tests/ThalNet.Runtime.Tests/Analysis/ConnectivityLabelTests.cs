using System.Globalization;
using System.Xml.Linq;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Tests.Analysis;

/// <summary>With six modules and many edges the strength labels still stand apart (they once overlapped as "0.2 0.10 .52").</summary>
public class ConnectivityLabelTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.12)]
    public void Six_modules_edge_labels_do_not_overlap_each_other(double threshold)
    {
        var layout = CenterLayout.Sequential([("vision", ModuleRole.Input, 8), ("a", ModuleRole.Side, 8), ("b", ModuleRole.Side, 8), ("c", ModuleRole.Side, 8), ("d", ModuleRole.Side, 8), ("decision", ModuleRole.Output, 8)]);
        var random = new Random(3);
        var weights = layout.Modules.ToDictionary(m => m.Name, _ => new DenseMatrix(4, layout.Size, [.. Enumerable.Range(0, 4 * layout.Size).Select(_ => (float)random.NextDouble())]));
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, weights), threshold);

        var svg = XDocument.Parse(ConnectivitySvg.Render(graph));

        var labels = svg.Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "edge-labels");
        var boxes = labels.Elements().Where(e => e.Name.LocalName == "rect").Select(Box).ToList();
        var texts = labels.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        var readingEdges = graph.Edges.Count(e => e.Kind == ConnectivityEdgeKind.Reading);
        Assert.True(readingEdges >= 20, $"only {readingEdges} edges");
        Assert.Equal(readingEdges, boxes.Count);
        Assert.Equal(graph.Edges.Where(e => e.Kind == ConnectivityEdgeKind.Reading).Select(e => e.Strength.ToString("0.00", CultureInfo.InvariantCulture)), texts);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"labels '{texts[i]}' at {boxes[i]} and '{texts[j]}' at {boxes[j]} overlap");
            }
        }
    }

    private static Rectangle Box(XElement rect) => new(Number(rect, "x"), Number(rect, "y"), Number(rect, "width"), Number(rect, "height"));

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private readonly record struct Rectangle(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Rectangle other) => X < other.X + other.Width && other.X < X + Width && Y < other.Y + Height && other.Y < Y + Height;
    }
}
