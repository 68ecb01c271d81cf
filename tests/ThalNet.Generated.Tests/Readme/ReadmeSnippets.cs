using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>
/// The trainer, weights and analysis code of docs/training.md and docs/analysis.md, compiled and run here;
/// <see cref="ReadmeSnippetTests"/> checks that the pages show each region between <c>// snippet: NAME</c> and <c>// end snippet</c> verbatim.
/// </summary>
internal static class ReadmeSnippets
{
    public static (TrainingResult Result, float Accuracy) Train(string folder)
    {
        // snippet: trainer
        // 400 sequences of 6 steps of 3 values; the label says whether a sequence's values add up to more than 9.
        var random = new Random(1);
        float[] values = [.. Enumerable.Range(0, 400 * 6 * 3).Select(_ => (float)random.NextDouble())];
        int[] labels = [.. Enumerable.Range(0, 400).Select(i => values.AsSpan(i * 18, 18).ToArray().Sum() > 9 ? 1 : 0)];
        var train = new SequenceDataset(values.AsMemory(0, 300 * 18), labels.AsMemory(0, 300), steps: 6, features: 3, classes: 2);
        var test = new SequenceDataset(values.AsMemory(300 * 18), labels.AsMemory(300), steps: 6, features: 3, classes: 2);

        var options = new TrainerOptions
        {
            Epochs = 5,
            BatchSize = 20,
            LearningRate = 1e-2f,                                      // RMSprop unless Optimizer = OptimizerKind.Adam
            Workers = 2,                                               // threads; one seed and worker count, one result
            CheckpointPath = Path.Combine(folder, "tiny.safetensors"), // written every epoch and on cancellation
            Resume = true,                                             // continue from it when it exists
            MetricsPath = Path.Combine(folder, "tiny.jsonl"),          // one JSON line per output and event
            ProgressInterval = TimeSpan.FromSeconds(10),               // progress lines when the output is redirected
        };
        using var trainer = new Trainer<TinyNet>(random => new TinyNet(random), options);
        var result = trainer.Fit(train, test);                         // SequenceDataset, ISequenceSource or IStreamSource
        Console.WriteLine(result.Epochs[^1]);                          // epoch 5 (step 75): train loss ... (label: loss ..., accuracy ...%); test ...
        var accuracy = trainer.Evaluate(new SequenceDatasetSource(test, TinyNet.Layout.Info))["label"].Accuracy;
        // end snippet
        return (result, (float)accuracy);
    }

    public static (TinyNet Model, TinyNet Restored) Weights(string folder)
    {
        // snippet: weights
        var model = new TinyNet(new RandomSource(1));
        // ... a hand-written training loop ...
        model.SaveWeights(Path.Combine(folder, "tiny-weights.safetensors"));    // atomic; keys are parameter paths
        var restored = new TinyNet(new RandomSource(2));
        restored.LoadWeights(Path.Combine(folder, "tiny-weights.safetensors")); // also reads Trainer checkpoints
        // end snippet
        return (model, restored);
    }

    public static (ModelReport Report, string Html, string Comparison) Analyze(string folder, SequenceDataset test)
    {
        // snippet: analysis
        var model = new TinyNet(new RandomSource(1));
        model.LoadWeights(Path.Combine(folder, "tiny.safetensors"));
        var data = new SequenceDatasetSource(test, TinyNet.Layout.Info);           // or any ISequenceSource / IStreamSource
        var report = ModelReport.Create(model, data, new AnalysisOptions
        {
            RunName = "seed 1",
            MetricsPath = Path.Combine(folder, "tiny.jsonl"),                       // training curves
            TraceExample = 0,                                                       // fast readers' attention, step by step
        });
        Console.WriteLine(report.Evaluation);                                      // loss ... (label: loss ..., accuracy ...%)
        var html = report.WriteTo(Path.Combine(folder, "report"));                 // report.html, SVG figures, graph exports

        var untrained = ModelReport.Create(new TinyNet(new RandomSource(2)), data, new AnalysisOptions { RunName = "untrained" });
        var comparison = RunComparison.WriteTo([report, untrained], Path.Combine(folder, "compare"));
        // end snippet
        return (report, html, comparison);
    }
}
