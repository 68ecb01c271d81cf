using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Training;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>
/// The code of docs/your-own-task.md, compiled and run here; <see cref="YourOwnTaskTests"/> checks that the page shows
/// the region between <c>// snippet: your-own-task</c> and <c>// end snippet</c> and the spec verbatim.
/// </summary>
internal static class YourOwnTaskSnippet
{
    public static (TrainingResult Result, EvaluationResult Evaluation, ModelReport Report) Run(string folder)
    {
        // snippet: your-own-task
        // 240 noisy sine waves of 20 steps, batch-first as NumPy or PyTorch would hold them: [N, T, 1].
        var random = new Random(1);
        var wave = new float[240, 20, 1];
        var next = new float[240, 20, 1]; // regression target at every step: the clean wave one step ahead
        var kind = new int[240];          // class target after the last step: 0 slow, 1 fast
        for (var n = 0; n < 240; n++)
        {
            kind[n] = n % 2;
            var frequency = kind[n] == 0 ? 0.25 : 0.6;
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var t = 0; t < 20; t++)
            {
                wave[n, t, 0] = (float)(Math.Sin(phase + (frequency * t)) + (0.1 * random.NextDouble()));
                next[n, t, 0] = (float)Math.Sin(phase + (frequency * (t + 1)));
            }
        }

        // Arrays by the spec's names, checked against it; the layout is declared, never guessed.
        var data = new WaveNet.DataSet(wave, next, kind, SequenceLayout.BatchFirst);
        var (train, test) = data.Split(testCount: 40);

        var options = new TrainerOptions
        {
            Epochs = 4,
            BatchSize = 20,
            LearningRate = 1e-2f,
            Schedule = LearningRateSchedule.Exponential(0.8),           // or Step(everyEpochs, gamma), Cosine(decayTo)
            MetricsPath = Path.Combine(folder, "wave.jsonl"),
            TensorBoardPath = Path.Combine(folder, "runs"),             // tensorboard --logdir runs
            CheckpointPath = Path.Combine(folder, "wave.safetensors"),
            KeepBestMetric = "test/kind/accuracy",                      // also writes wave.best.safetensors
        };
        using var trainer = new Trainer<WaveNet>(random => new WaveNet(random), options);
        var result = trainer.Fit(train, test);  // epoch=4 train_loss=... train_mse=... test_mse_next=... test_accuracy_kind=...
        var evaluation = trainer.Evaluate(test);
        Console.WriteLine(evaluation);          // loss ... (next: mse 0.0421, rmse 0.2052; kind: loss 0.3114, accuracy 90.00%)

        var report = ModelReport.Create(trainer.Model, test, new AnalysisOptions { MetricsPath = options.MetricsPath });
        report.WriteTo(Path.Combine(folder, "wave-report"));         // report.html: reading weights, ablation, curves
        // end snippet
        return (result, evaluation, report);
    }
}
