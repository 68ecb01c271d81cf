using System.Xml.Linq;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class HtmlReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static HtmlReport FullReport()
    {
        var weights = Planted.Weights();
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(Planted.Layout, weights));
        var metrics = MetricsLog.Parse("{\"step\":1,\"loss\":1}\n{\"step\":2,\"loss\":0.5}\n{\"step\":2,\"split\":\"test\",\"loss\":0.7}");
        return new HtmlReport("Run <mnist> & friends")
            .AddParagraph("Seed 7; 4 modules; \"weight-norm\" reading.")
            .AddTrainingCurves(metrics)
            .AddReadingWeights(Planted.Layout, weights)
            .AddFigure(ReadingHeatmap.Render(Planted.Layout, "m0", weights["m0"]), "m0 alone")
            .AddConnectivity(graph)
            .AddAblation([new AblationResult("m0", 0.9, 0.1), new AblationResult("m1", 0.9, 0.85)]);
    }

    [Fact]
    public void Report_parses_as_xml_with_inline_svg_figures()
    {
        var document = Planted.Xml(FullReport().ToHtml());

        Assert.Equal(Xhtml + "html", document.Root!.Name);
        Assert.Equal("Run <mnist> & friends", document.Descendants(Xhtml + "h1").Single().Value);
        // Curves (1 metric), stacked heatmap, single heatmap, connectivity graph, ablation chart.
        Assert.Equal(5, document.Descendants(Svg + "svg").Count());
        Assert.Equal(2, document.Descendants(Xhtml + "table").Count());
        Assert.Contains(document.Descendants(Xhtml + "summary"), s => s.Value == "Graphviz DOT");
        Assert.Contains(document.Descendants(Xhtml + "pre"), p => p.Value.Contains("\"m0\" -> \"m3\"", StringComparison.Ordinal));
        Assert.Equal("Seed 7; 4 modules; \"weight-norm\" reading.", document.Descendants(Xhtml + "p").Single().Value);
    }

    [Fact]
    public void Malformed_figures_are_rejected()
    {
        var report = new HtmlReport("r");
        Assert.Throws<ArgumentException>(() => report.AddFigure("<svg><g></svg>"));
        Assert.Throws<ArgumentException>(() => report.AddFigure("<div/>"));
    }

    [Fact]
    public void Report_is_saved_to_a_file()
    {
        var folder = Directory.CreateTempSubdirectory("thalnet-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "report.html");
            FullReport().Save(path);
            Planted.Xml(File.ReadAllText(path));
            Assert.Single(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
