using ThalNet.Runtime.Models;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class HeatmapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Single_module_heatmap_parses_and_marks_the_module_slices()
    {
        var weights = Planted.Weights()["m3"];
        var document = Planted.Xml(ReadingHeatmap.Render(Planted.Layout, "m3", weights));

        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith("m3 (output) reads 6 context elements from 32 center elements", StringComparison.Ordinal));
        Assert.All(Planted.Layout.Modules, m => Assert.Contains(m.Name, texts));
        // The reader's own slice is labelled in bold.
        Assert.Equal("bold", document.Descendants(Svg + "text").Single(t => t.Value == "m3").Attribute("font-weight")?.Value);
        // Boundaries between the four slices.
        Assert.Equal(3, document.Descendants(Svg + "line").Count(l => l.Attribute("stroke")?.Value == "#ff3d00"));
    }

    [Fact]
    public void Planted_zero_slices_are_drawn_in_the_lowest_colour()
    {
        var weights = Planted.Weights()["m3"];
        var document = Planted.Xml(ReadingHeatmap.Render(Planted.Layout, "m3", weights, new HeatmapOptions { Colors = ColorScale.Grey, CellSize = 1 }));

        // Row 0 of m1's slice (x 8 to 16) lies in one black run.
        var black = document.Descendants(Svg + "path").Single(p => p.Attribute("fill")?.Value == "#000000").Attribute("d")!.Value;
        var runs = Regex.Matches(black, @"M([0-9.]+) ([0-9.]+)h([0-9.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Width: double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
        Assert.Contains(runs, r => r.Y == 0 && r.X <= 8 && r.X + r.Width >= 16);
    }

    [Fact]
    public void Stacked_heatmap_has_a_title_per_module()
    {
        var svg = ReadingHeatmap.RenderStacked(Planted.Layout, Planted.Weights(), "Reading weights after 20 epochs");
        var texts = Planted.Xml(svg).Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("Reading weights after 20 epochs", texts);
        foreach (var module in Planted.Layout.Modules)
        {
            Assert.Contains(texts, t => t.StartsWith(module.Name + " (", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Long_module_names_are_rotated_and_still_parse()
    {
        var layout = CenterLayout.Sequential([("a_module_with_a_long_name", ModuleRole.Input, 2), ("b", ModuleRole.Output, 2)]);
        var svg = ReadingHeatmap.Render(layout, "b", new DenseMatrix(2, 4, [1, 2, 3, 4, 5, 6, 7, 8]));

        Assert.Contains("rotate(35", svg);
        Planted.Xml(svg);
    }

    [Fact]
    public void Matrix_that_does_not_match_the_center_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ReadingHeatmap.Render(Planted.Layout, "m0", new DenseMatrix(1, 3, [1, 2, 3])));
        Assert.Throws<KeyNotFoundException>(() => ReadingHeatmap.Render(Planted.Layout, "nobody", Planted.Weights()["m0"]));
    }
}
