using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// The <c>analyze</c> command: loads a checkpoint and writes, into one folder, the reading-weight heatmaps, the
/// connectivity graph (JSON, DOT, Mermaid, SVG), the module ablation table and chart, the training curves of the
/// metrics log when there is one, and an HTML report gathering them.
/// </summary>
public static class ExampleAnalysis
{
    /// <param name="evaluate">The metric on evaluation data for the model as configured (ablation included); also runs fast readers.</param>
    /// <param name="higherIsBetter">True for accuracy, false for bits per character.</param>
    public static int Run(ThalNetModel model, ExampleSettings settings, string outputFolder, Func<ThalNetModel, double> evaluate, string metric, bool higherIsBetter, TextWriter output)
    {
        if (!File.Exists(settings.CheckpointPath) && !Directory.Exists(settings.CheckpointPath))
        {
            return ExpectedErrors.Report($"there is no checkpoint at '{settings.CheckpointPath}'; train with --checkpoint {settings.CheckpointPath} first.");
        }

        Checkpoint.LoadParameters(model, settings.CheckpointPath);
        if (NonFiniteScan.FirstParameter(model) is { } nonFinite)
        {
            Console.Error.WriteLine($"warning: checkpoint '{settings.CheckpointPath}' holds a non-finite parameter, {nonFinite}; the report will show the damage, not what a trained model learned.");
        }

        Directory.CreateDirectory(outputFolder);
        var report = new HtmlReport($"{model.Info.Name}: what it learned");
        report.AddParagraph($"Checkpoint {Path.GetFileName(settings.CheckpointPath)}; {model.ParameterCount()} parameters; center of {model.Info.CenterSize} elements.");

        var layout = ModelInspector.CenterLayout(model.Info);
        var weights = ModelInspector.ReadingWeights(model, m => evaluate(m));
        Write(outputFolder, "reading-weights.svg", ReadingHeatmap.RenderStacked(layout, weights, $"{model.Info.Name} reading weights"));
        foreach (var (module, matrix) in weights)
        {
            Write(outputFolder, $"reading-{module}.svg", ReadingHeatmap.Render(layout, module, matrix));
        }

        report.AddReadingWeights(layout, weights);
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, weights));
        Write(outputFolder, "connectivity.json", ConnectivityExport.ToJson(graph));
        Write(outputFolder, "connectivity.dot", ConnectivityExport.ToDot(graph));
        Write(outputFolder, "connectivity.mmd", ConnectivityExport.ToMermaid(graph));
        Write(outputFolder, "connectivity.svg", ConnectivitySvg.Render(graph, $"{model.Info.Name} connectivity"));
        report.AddConnectivity(graph);

        var ablation = ModelInspector.Ablate(model, evaluate);
        Write(outputFolder, "ablation.md", AblationReport.ToMarkdown(ablation, metric, higherIsBetter));
        Write(outputFolder, "ablation.svg", AblationReport.RenderSvg(ablation, metric, higherIsBetter));
        report.AddAblation(ablation, metric, higherIsBetter);

        if (settings.MetricsPath is { } metrics && File.Exists(metrics))
        {
            var records = MetricsLog.ReadFile(metrics);
            foreach (var (name, svg) in TrainingCurves.RenderAll(records))
            {
                Write(outputFolder, $"curve-{name}.svg", svg);
            }

            report.AddTrainingCurves(records);
        }

        var html = Path.Combine(outputFolder, "report.html");
        report.Save(html);
        output.WriteLine($"report={html}");
        return 0;
    }

    private static void Write(string folder, string name, string text) => Runtime.IO.AtomicFile.WriteAllText(Path.Combine(folder, name), text);
}
