using System.Xml.Linq;
using ThalNet.Examples.MultiTask;
using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests;

/// <summary>
/// The analysis API on a generated model with an `at: every` head and `at: last` heads, fast and static readers,
/// dense and token inputs (MultiTaskNet): it runs the model on the data itself, with no run beforehand.
/// </summary>
public sealed class ModelReportTests : IDisposable
{
    private const int Steps = 5;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thalnet-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_fresh_model_is_analysed_on_its_data_without_running_it_first()
    {
        var model = new MultiTaskNet(new RandomSource(3));
        var data = new RandomExamples(model.Info, count: 12, Steps);

        var report = ModelReport.Create(model, data, new AnalysisOptions { BatchSize = 5, TraceExample = 2 });

        Assert.Equal(["eye", "ear", "answer", "helper"], report.Layout.Modules.Select(m => m.Name));
        Assert.Equal(["eye", "ear", "answer", "helper"], report.ReadingWeights.Keys.Order(Comparer<string>.Create((a, b) => report.Layout.IndexOf(a) - report.Layout.IndexOf(b))));
        // The fast readers' averaged attention: every context element's attention over the center sums to one.
        foreach (var module in new[] { "eye", "answer", "helper" })
        {
            var matrix = report.ReadingWeights[module];
            Assert.All(Enumerable.Range(0, matrix.Rows), k => Assert.Equal(1.0, matrix.Row(k).ToArray().Sum(v => (double)v), 4));
        }

        Assert.Equal(["label", "next-command", "done"], report.Evaluation.Outputs.Select(o => o.Name));
        Assert.All(report.Evaluation.Outputs, o => Assert.False(o.IsBitsPerCharacter));
        Assert.Equal(Steps * 12, report.Evaluation["next-command"].Predictions);
        Assert.Equal(12, report.Evaluation["label"].Predictions);
        Assert.Equal(["eye", "ear", "answer", "helper"], report.Ablation.Select(a => a.Module));
        var eye = report.AblationOf("next-command").Single(a => a.Module == "eye");
        Assert.Equal(report.Evaluation["next-command"].Accuracy, eye.Baseline);
        Assert.Equal(report.Ablation[0].Result["next-command"].Accuracy, eye.Ablated);
        Assert.NotEqual(report.Evaluation.Loss, report.Ablation[0].Result.Loss);

        Assert.Null(model.Ablation);
        Assert.All(model.Readers.OfType<FastReader>(), r => Assert.Null(r.Probe));
    }

    [Fact]
    public void Competing_modules_report_who_updated_at_every_sub_step_and_each_modules_share_of_the_data()
    {
        var model = new ThalNet.Examples.Features.CompetingNet(new RandomSource(11));
        var data = new RandomExamples(model.Info, count: 9, Steps);
        var modules = model.Info.Modules.Count;
        var active = Assert.IsType<int>(ThalNet.Specs.SpecCompiler.FromYaml("CompetingModules.thalnet.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "CompetingModules.thalnet.yaml"))).Layout!.Active);

        var report = ModelReport.Create(model, data, new AnalysisOptions { BatchSize = 4, TraceExample = 3, Ablation = false });

        var activity = Assert.IsType<ActivityTrace>(report.Activity);
        Assert.Equal((3, Steps, model.Info.Substeps), (activity.Example, activity.Steps, activity.Substeps));
        Assert.Equal(model.Info.Modules.Select(m => m.Name), activity.Modules);
        Assert.Equal(Steps * model.Info.Substeps, activity.Reads.Count);
        Assert.All(activity.Reads, read => Assert.Equal(active, read.Sum()));
        Assert.All(activity.Reads, read => Assert.All(read, v => Assert.True(v is 0f or 1f)));
        Assert.Equal(modules, activity.Shares.Count);
        Assert.Equal(active, activity.Shares.Sum(), 6);
        Assert.All(activity.Shares, share => Assert.InRange(share, 0, 1));
        Assert.Null(model.ActiveMasks);

        report.WriteTo(_folder);
        var svg = XDocument.Load(Path.Combine(_folder, "activity.svg"));
        Assert.All(activity.Modules, m => Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == m));
        Assert.Contains("Competing modules: who updated", File.ReadAllText(Path.Combine(_folder, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Attention_readers_report_their_weights_on_every_module_and_the_null_slot()
    {
        var model = new ThalNet.Examples.Features.CompetingNet(new RandomSource(12));
        var data = new RandomExamples(model.Info, count: 7, Steps);
        var modules = model.Info.Modules.Select(m => m.Name).ToArray();

        var report = ModelReport.Create(model, data, new AnalysisOptions { BatchSize = 3, TraceExample = 2, Ablation = false });

        Assert.Equal(modules, report.ModuleAttention.Select(t => t.Module));
        foreach (var trace in report.ModuleAttention)
        {
            Assert.Equal((2, Steps, model.Info.Substeps), (trace.Example, trace.Steps, trace.Substeps));
            Assert.Equal(modules, trace.Sources);
            Assert.Equal(Steps * model.Info.Substeps, trace.Reads.Count);
            Assert.All(trace.Reads, read => Assert.Equal(modules.Length + 1, read.Length));
            Assert.All(trace.Reads, read => Assert.Equal(1.0, read.Sum(v => (double)v), 5));
            Assert.Equal(1.0, trace.Mean.Sum(), 5);

            // The static view: one row, each module's mean weight spread over its slice, the null slot left out.
            var row = report.ReadingWeights[trace.Module];
            Assert.Equal((1, model.Info.CenterSize), (row.Rows, row.Cols));
            foreach (var (source, j) in report.Layout.Modules.Select((m, j) => (m, j)))
            {
                Assert.Equal(trace.Mean[j], row.Row(0).Slice(source.Offset, source.Size).ToArray().Sum(v => (double)v), 5);
            }

            Assert.Equal(1 - trace.NullMean, row.Values.ToArray().Sum(v => (double)v), 5);
        }

        // The traced weights are the example's own: at every sub-step the modules that updated are those whose read put
        // the least weight on the null slot (ties to the lower index).
        var activity = Assert.IsType<ActivityTrace>(report.Activity);
        var active = (int)activity.Reads[0].Sum();
        for (var r = 0; r < activity.Reads.Count; r++)
        {
            var chosen = Enumerable.Range(0, modules.Length).OrderBy(m => report.ModuleAttention[m].Reads[r][^1]).ThenBy(m => m).Take(active).Order();
            Assert.Equal(chosen, Enumerable.Range(0, modules.Length).Where(m => activity.Reads[r][m] > 0.5f));
        }

        Assert.All(model.Readers.OfType<AttentionReader>(), r => Assert.Null(r.Probe));
        report.WriteTo(_folder);
        var svg = XDocument.Load(Path.Combine(_folder, "module-attention.svg"));
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == ModuleAttentionTrace.NullSlot);
        Assert.Contains($"| {ModuleAttentionTrace.NullSlot} |", File.ReadAllText(Path.Combine(_folder, "module-attention.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_folder, "report.html"));
        Assert.Contains("Attention readers: weights on modules and on the null slot", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_modules_all_update_has_no_activity()
    {
        var model = new MultiTaskNet(new RandomSource(5));

        var report = ModelReport.Create(model, new RandomExamples(model.Info, count: 4, Steps), new AnalysisOptions { Ablation = false });

        Assert.Null(report.Activity);
    }

    [Fact]
    public void The_attention_trace_is_one_read_per_step_and_sub_step_of_the_chosen_example()
    {
        var model = new MultiTaskNet(new RandomSource(4));
        var data = new RandomExamples(model.Info, count: 6, Steps);

        var first = ModelReport.Create(model, data, new AnalysisOptions { TraceExample = 0, Ablation = false });
        var third = ModelReport.Create(model, data, new AnalysisOptions { TraceExample = 2, Ablation = false });

        Assert.Equal(["eye", "answer", "helper"], third.Attention.Select(t => t.Module));
        foreach (var trace in third.Attention)
        {
            Assert.Equal(2, trace.Example);
            Assert.Equal(Steps * MultiTaskNet.Substeps, trace.Reads.Count);
            Assert.All(trace.Reads, read => Assert.Equal(MultiTaskNet.CenterSize, read.Length));
            Assert.All(trace.Reads, read => Assert.Equal(1.0, read.Sum(v => (double)v), 4));
        }

        // The trace is this example's: it matches a probe on a batch holding only that example, and differs from another example's.
        var alone = new SequenceBatch(model.Info, Steps, 1);
        data.Fill([2], alone);
        var probe = new AttentionProbe(keepFrames: true);
        model.Answer.Read.Probe = probe;
        var tape = new Tape();
        using (tape.NoGrad())
        {
            model.ComputeLoss(tape, alone);
        }

        model.Answer.Read.Probe = null;
        var answer = third.Attention.Single(t => t.Module == "answer");
        var lastFrame = probe.Frames[^1];
        for (var c = 0; c < MultiTaskNet.CenterSize; c++)
        {
            var expected = Enumerable.Range(0, lastFrame.Rows).Average(k => (double)lastFrame[k, c]);
            Assert.Equal(expected, answer.At(Steps - 1, 0)[c], 5);
        }

        Assert.NotEqual(first.Attention[1].At(Steps - 1, 0).ToArray(), answer.At(Steps - 1, 0).ToArray());
    }

    [Fact]
    public void WriteTo_writes_every_figure_and_the_report()
    {
        var model = new MultiTaskNet(new RandomSource(5));
        var metrics = Path.Combine(_folder, "metrics.jsonl");
        Directory.CreateDirectory(_folder);
        File.WriteAllLines(metrics,
        [
            """{"step":10,"epoch":1,"split":"train","output":"label","loss":2.1,"accuracy":0.2}""",
            """{"step":10,"epoch":1,"split":"train","output":"done","loss":0.6,"accuracy":0.5}""",
            """{"step":20,"epoch":1,"split":"train","output":"label","loss":1.9,"accuracy":0.3}""",
            """{"step":20,"epoch":1,"split":"train","output":"done","loss":0.5,"accuracy":0.6}""",
        ]);
        var report = ModelReport.Create(model, new RandomExamples(model.Info, count: 8, Steps), new AnalysisOptions { RunName = "seed 5", MetricsPath = metrics });

        var html = report.WriteTo(Path.Combine(_folder, "report"));

        string[] expected = ["report.html", "reading-weights.svg", "reading-eye.svg", "reading-helper.svg", "attention-trace.svg", "connectivity.json", "connectivity.dot", "connectivity.mmd", "connectivity.svg",
            "ablation-label.md", "ablation-label.svg", "ablation-next-command.md", "ablation-done.svg", "curve-loss.svg", "curve-accuracy.svg"];
        Assert.All(expected, name => Assert.True(File.Exists(Path.Combine(_folder, "report", name)), $"no {name}"));
        Assert.All(Directory.GetFiles(Path.Combine(_folder, "report"), "*.svg").Append(html), path => XDocument.Load(path));
        var text = File.ReadAllText(html);
        Assert.Contains("seed 5: what it learned", text, StringComparison.Ordinal);
        Assert.Contains("Module ablation: next-command", text, StringComparison.Ordinal);
        Assert.Contains("Fast-reader attention, step by step", text, StringComparison.Ordinal);
        // Curves are per output when the log holds several.
        Assert.Contains("train label", File.ReadAllText(Path.Combine(_folder, "report", "curve-loss.svg")), StringComparison.Ordinal);
        Assert.Contains("train done", File.ReadAllText(Path.Combine(_folder, "report", "curve-loss.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_runs_are_compared_in_one_report()
    {
        Directory.CreateDirectory(_folder);
        var runs = new List<ModelReport>();
        foreach (var seed in new ulong[] { 6, 7 })
        {
            var log = Path.Combine(_folder, $"seed{seed}.jsonl");
            File.WriteAllLines(log, [$$"""{"step":10,"split":"train","loss":{{seed}}}""", $$"""{"step":20,"split":"train","loss":{{seed - 1}}}"""]);
            var model = new MultiTaskNet(new RandomSource(seed));
            runs.Add(ModelReport.Create(model, new RandomExamples(model.Info, count: 6, Steps), new AnalysisOptions { RunName = $"seed {seed}", MetricsPath = log, Ablation = false }));
        }

        var path = RunComparison.WriteTo(runs, Path.Combine(_folder, "compare"));

        var html = XDocument.Load(path).ToString();
        var curve = File.ReadAllText(Path.Combine(_folder, "compare", "curve-loss.svg"));
        Assert.Contains("seed 6 train", curve, StringComparison.Ordinal);
        Assert.Contains("seed 7 train", curve, StringComparison.Ordinal);
        Assert.Contains("side-by-side", html, StringComparison.Ordinal);
        Assert.Equal(2, XDocument.Load(path).Descendants().Count(e => e.Name.LocalName == "svg" && e.Parent?.Parent?.Attribute("class")?.Value == "side-by-side"));
        Assert.True(File.Exists(Path.Combine(_folder, "compare", "connectivity-2.svg")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Random inputs and targets, the same for an example whichever batch it is in.</summary>
    private sealed class RandomExamples(ModelInfo info, int count, int steps) : ISequenceSource
    {
        public int Count => count;

        public int Steps => steps;

        public void Fill(ReadOnlySpan<int> examples, SequenceBatch batch)
        {
            for (var b = 0; b < examples.Length; b++)
            {
                var random = new RandomSource(1000 + (ulong)examples[b]);
                for (var i = 0; i < info.Inputs.Count; i++)
                {
                    for (var t = 0; t < steps; t++)
                    {
                        if (batch.Dense[i] is { } dense)
                        {
                            var width = info.Inputs[i].Width;
                            var values = dense.Data.Slice(((t * batch.Batch) + b) * width, width);
                            for (var j = 0; j < width; j++)
                            {
                                values[j] = random.NextUniform(-1f, 1f);
                            }
                        }
                        else
                        {
                            batch.Tokens[i]![(t * batch.Batch) + b] = random.NextInt(info.Inputs[i].Width);
                        }
                    }
                }

                for (var o = 0; o < info.Outputs.Count; o++)
                {
                    var output = info.Outputs[o];
                    var targets = batch.Targets[o];
                    if (output.EveryStep)
                    {
                        for (var t = 0; t < steps; t++)
                        {
                            targets[(t * batch.Batch) + b] = random.NextInt(output.Size);
                        }
                    }
                    else
                    {
                        targets[b] = random.NextInt(output.Size);
                    }
                }
            }
        }
    }
}
