using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Analysis;

/// <summary>
/// What a model has learned, for any compiled model and any data: the reading weights (static readers' matrices,
/// fast readers' attention averaged over the data), one example's fast-reader attention per step and sub-step, the
/// attention readers' weights on every module and on the null slot (one example per step and sub-step, and their
/// means over the data), the
/// connectivity graph read off the weights, each output's metrics with every module ablated in turn, and the
/// training curves of a metrics log. <see cref="Create(ThalNetModel, ISequenceSource, AnalysisOptions?)"/> runs the
/// model on the data itself; <see cref="WriteTo"/> writes the figures, exports and an HTML report.
/// <code>
/// model.LoadWeights("run.safetensors");
/// var report = ModelReport.Create(model, testData, new AnalysisOptions { MetricsPath = "metrics.jsonl" });
/// report.WriteTo("report");    // report/report.html and every figure beside it
/// </code>
/// </summary>
public sealed class ModelReport
{
    private ModelReport(
        string name,
        ModelInfo info,
        int parameters,
        IReadOnlyDictionary<string, DenseMatrix> readingWeights,
        IReadOnlyList<AttentionTrace> attention,
        ConnectivityGraph connectivity,
        EvaluationResult evaluation,
        IReadOnlyList<ModuleAblation> ablation,
        IReadOnlyList<MetricsRecord> metrics,
        HeatmapOptions heatmaps,
        ActivityTrace? activity,
        IReadOnlyList<ModuleAttentionTrace> moduleAttention)
    {
        Activity = activity;
        ModuleAttention = moduleAttention;
        Name = name;
        Info = info;
        ParameterCount = parameters;
        Layout = ModelInspector.CenterLayout(info);
        ReadingWeights = readingWeights;
        Attention = attention;
        Connectivity = connectivity;
        Evaluation = evaluation;
        Ablation = ablation;
        Metrics = metrics;
        Heatmaps = heatmaps;
    }

    /// <summary>The run's name: <see cref="AnalysisOptions.RunName"/> or the model's name.</summary>
    public string Name { get; }

    /// <summary>What the model is made of: inputs, modules with their center slices, outputs.</summary>
    public ModelInfo Info { get; }

    /// <summary>The model's number of scalar parameters.</summary>
    public int ParameterCount { get; }

    /// <summary>Which slice of the center belongs to which module.</summary>
    public CenterLayout Layout { get; }

    /// <summary>Each module's reading matrix [context, center], by module name.</summary>
    public IReadOnlyDictionary<string, DenseMatrix> ReadingWeights { get; }

    /// <summary>One trace per fast reader (none when every reader is static), for <see cref="AnalysisOptions.TraceExample"/>.</summary>
    public IReadOnlyList<AttentionTrace> Attention { get; }

    /// <summary>
    /// One trace per attention reader (reading: attention; none without one): its weights on every module and on the
    /// null slot at every step and sub-step of <see cref="AnalysisOptions.TraceExample"/>, and their means over the data.
    /// </summary>
    public IReadOnlyList<ModuleAttentionTrace> ModuleAttention { get; }

    /// <summary>
    /// For a model whose modules compete (<c>active: k</c>): which modules updated at every step and sub-step of
    /// <see cref="AnalysisOptions.TraceExample"/>, and each module's share of active sub-steps over the data; null otherwise.
    /// </summary>
    public ActivityTrace? Activity { get; }

    /// <summary>
    /// The connectivity graph read off <see cref="ReadingWeights"/> at <see
    /// cref="AnalysisOptions.ConnectivityThreshold"/> (the default threshold when null).
    /// </summary>
    public ConnectivityGraph Connectivity { get; }

    /// <summary>The model's metrics on the analysis data, nothing ablated.</summary>
    public EvaluationResult Evaluation { get; }

    /// <summary>Per module in layout order, the metrics with its slice zeroed; empty when <see cref="AnalysisOptions.Ablation"/> is off.</summary>
    public IReadOnlyList<ModuleAblation> Ablation { get; }

    /// <summary>The metrics log's records; empty without one.</summary>
    public IReadOnlyList<MetricsRecord> Metrics { get; }

    private HeatmapOptions Heatmaps { get; }

    /// <summary>Analyses <paramref name="model"/> on examples (classification, multi-task).</summary>
    public static ModelReport Create(ThalNetModel model, ISequenceSource data, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new AnalysisOptions();
        options.Validate();
        using var runner = AnalysisData.Of(model, data, options);
        return Create(model, runner, options);
    }

    /// <summary>Analyses <paramref name="model"/> on streams (language models), carrying the state from zeros over the segments.</summary>
    public static ModelReport Create(ThalNetModel model, IStreamSource data, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new AnalysisOptions();
        options.Validate();
        using var runner = AnalysisData.Of(model, data, options);
        return Create(model, runner, options);
    }

    /// <summary>The ablation of output <paramref name="output"/>'s headline metric (accuracy, bits per character or mean squared error).</summary>
    public IReadOnlyList<AblationResult> AblationOf(string output)
    {
        var baseline = Evaluation[output].Quality;
        return [.. Ablation.Select(a => new AblationResult(a.Module, baseline, a.Result[output].Quality))];
    }

    /// <summary>Every section as one self-contained HTML page.</summary>
    public HtmlReport ToHtml()
    {
        var report = new HtmlReport($"{Name}: what it learned");
        report.AddParagraph($"Model {Info.Name}: {ParameterCount} parameters, {Info.Modules.Count} modules, a center of {Info.CenterSize} elements, {Info.Substeps} sub-step(s) per input step.");
        report.AddParagraph($"On the analysis data: {Evaluation}.");
        report.AddReadingWeights(Layout, ReadingWeights);
        if (ModuleAttention.Count > 0)
        {
            report.AddParagraph($"Attention readers ({string.Join(", ", ModuleAttention.Select(t => t.Module))}) attend to whole module slices and a null slot, differently for every example: their single row holds the mean weight on each module over the analysis data, spread evenly over that module's slice (the null slot's share is left out); their weights per step are in the attention-reader section below.");
        }
        if (Attention.Count > 0)
        {
            report.AddHeading("Fast-reader attention, step by step")
                .AddFigure(AttentionStripSvg.Render(Layout, Attention, $"{Name}: attention per step and sub-step"),
                    $"Example {Attention[0].Example}: each column is one read (a sub-step), each row one center element grouped by the module that writes it; colour: attention averaged over the reader's context elements. The averages over all the data are in the reading-weight heatmaps above.");
        }

        if (ModuleAttention.Count > 0)
        {
            report.AddHeading("Attention readers: weights on modules and on the null slot")
                .AddFigure(ModuleAttentionStripSvg.Render(ModuleAttention, $"{Name}: attention on modules per step and sub-step"),
                    $"Example {ModuleAttention[0].Example}: each column is one read (a sub-step), each row a module's slice of the center and, last, the null slot (value 0: reading nothing); colour: the softmax weight, 0 to 1. At the right, the mean weight over the analysis data. The reading-weight heatmaps above show these means spread over each module's slice, without the null slot.")
                .AddTable(ModuleAttentionTable.ToTable(ModuleAttention), "Mean attention weight of each attention reader (rows) on each module's slice and on the null slot (columns) over the analysis data; each row sums to 1.");
        }

        if (Activity is { } activity)
        {
            report.AddHeading("Competing modules: who updated")
                .AddFigure(ActivityStripSvg.Render(activity, $"{Name}: active modules per step and sub-step"),
                    $"Example {activity.Example}: each column is one sub-step, each row one module, blue where it updated (the others kept their state); at the right, each module's share of active sub-steps over the analysis data.");
        }

        report.AddConnectivity(Connectivity);
        foreach (var output in Evaluation.Outputs)
        {
            if (Ablation.Count > 0)
            {
                report.AddAblation(AblationOf(output.Name), output.QualityLabel, output.HigherIsBetter, Evaluation.Outputs.Count > 1 ? $"Module ablation: {output.Name}" : "Module ablation");
            }
        }

        if (Metrics.Count > 0)
        {
            report.AddTrainingCurves(Metrics);
        }

        return report;
    }

    /// <summary>
    /// Writes into <paramref name="folder"/> (created if needed): <c>report.html</c>, <c>reading-weights.svg</c> and
    /// <c>reading-MODULE.svg</c>, <c>attention-trace.svg</c> (fast readers only), <c>module-attention.svg</c> and
    /// <c>module-attention.md</c> (attention readers only), <c>activity.svg</c> (competing modules only), <c>connectivity.json/.dot/.mmd/.svg</c>,
    /// <c>ablation.md/.svg</c> (per output <c>ablation-OUTPUT.md/.svg</c> when there are several), and
    /// <c>curve-METRIC.svg</c> per metric of the log. Returns the report's path.
    /// </summary>
    /// <exception cref="OutputWriteException">The folder or a file in it cannot be written.</exception>
    public string WriteTo(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (OutputWriteException.IsWriteFailure(e))
        {
            throw new OutputWriteException(folder, OutputWriteException.ReasonOf(e), null, e);
        }

        void Write(string name, string text) => AtomicFile.WriteAllText(Path.Combine(folder, name), text);

        Write("reading-weights.svg", ReadingHeatmap.RenderStacked(Layout, ReadingWeights, $"{Name} reading weights", Heatmaps));
        foreach (var (module, matrix) in ReadingWeights)
        {
            Write($"reading-{module}.svg", ReadingHeatmap.Render(Layout, module, matrix, Heatmaps));
        }

        if (Attention.Count > 0)
        {
            Write("attention-trace.svg", AttentionStripSvg.Render(Layout, Attention, $"{Name}: attention per step and sub-step"));
        }

        if (ModuleAttention.Count > 0)
        {
            Write("module-attention.svg", ModuleAttentionStripSvg.Render(ModuleAttention, $"{Name}: attention on modules per step and sub-step"));
            Write("module-attention.md", ModuleAttentionTable.ToTable(ModuleAttention).ToMarkdown());
        }

        if (Activity is { } activity)
        {
            Write("activity.svg", ActivityStripSvg.Render(activity, $"{Name}: active modules per step and sub-step"));
        }

        Write("connectivity.json", ConnectivityExport.ToJson(Connectivity));
        Write("connectivity.dot", ConnectivityExport.ToDot(Connectivity));
        Write("connectivity.mmd", ConnectivityExport.ToMermaid(Connectivity));
        Write("connectivity.svg", ConnectivitySvg.Render(Connectivity, $"{Name} connectivity"));
        if (Ablation.Count > 0)
        {
            foreach (var output in Evaluation.Outputs)
            {
                var suffix = Evaluation.Outputs.Count > 1 ? "-" + output.Name : string.Empty;
                var results = AblationOf(output.Name);
                Write($"ablation{suffix}.md", AblationReport.ToMarkdown(results, output.QualityLabel, output.HigherIsBetter));
                Write($"ablation{suffix}.svg", AblationReport.RenderSvg(results, output.QualityLabel, output.HigherIsBetter));
            }
        }

        foreach (var (metric, svg) in TrainingCurves.RenderAll(Metrics))
        {
            Write($"curve-{metric}.svg", svg);
        }

        var html = Path.Combine(folder, "report.html");
        ToHtml().Save(html);
        return html;
    }

    private static ModelReport Create(ThalNetModel model, AnalysisData data, AnalysisOptions options)
    {
        var info = model.Info;
        var weights = ModelInspector.ReadingWeights(model, _ => data.Evaluate());
        var attention = TraceAttention(model, data, options.TraceExample);
        var moduleAttention = ModuleAttentionTrace.Record(model, options.TraceExample, data.TraceSteps, () => data.RunOne(options.TraceExample), () => data.Evaluate());
        var activity = ActivityTrace.Record(model, options.TraceExample, data.TraceSteps, () => data.RunOne(options.TraceExample), () => data.Evaluate());
        var layout = ModelInspector.CenterLayout(info);
        var graph = ConnectivityGraph.FromMatrix(ConnectivityMatrix.FromReadingWeights(layout, weights), options.ConnectivityThreshold);
        var (evaluation, ablation) = ModelInspector.AblateEach(model, _ => data.Evaluate(), options.Ablation);
        var metrics = options.MetricsPath is { } path && File.Exists(path) ? MetricsLog.ReadFile(path) : [];
        return new ModelReport(options.RunName ?? info.Name, info, model.ParameterCount(), weights, attention, graph, evaluation,
            [.. ablation.Select(a => new ModuleAblation(a.Module, a.Result))], metrics, options.Heatmaps, activity, moduleAttention);
    }

    /// <summary>Runs the one example with a frame-keeping probe on every fast reader.</summary>
    private static List<AttentionTrace> TraceAttention(ThalNetModel model, AnalysisData data, int example)
    {
        var info = model.Info;
        var probes = new List<(string Module, FastReader Reader, AttentionProbe Probe)>();
        for (var i = 0; i < info.Modules.Count; i++)
        {
            if (model.Readers[i] is FastReader fast)
            {
                probes.Add((info.Modules[i].Name, fast, new AttentionProbe(keepFrames: true)));
            }
        }

        if (probes.Count == 0)
        {
            return [];
        }

        try
        {
            foreach (var (_, reader, probe) in probes)
            {
                reader.Probe = probe;
            }

            data.RunOne(example);
        }
        finally
        {
            foreach (var (_, reader, _) in probes)
            {
                reader.Probe = null;
            }
        }

        return [.. probes.Select(p => AttentionTrace.FromFrames(p.Module, example, data.TraceSteps, info.Substeps, p.Probe.Frames))];
    }
}
