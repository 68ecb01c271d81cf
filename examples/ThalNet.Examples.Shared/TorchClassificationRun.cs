using System.Diagnostics;
using System.Globalization;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;
using ThalNet.TorchSharp.Models;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.Examples;

/// <summary>
/// Training and evaluation of a classification example on TorchSharp (<c>--backend torchsharp</c>): the same data,
/// batches, RMSprop settings and summary lines as the engine's trainer; one dispose scope per batch; the weights
/// saved to <c>--checkpoint</c> after every epoch in safetensors, loadable by the engine.
/// </summary>
internal static class TorchClassificationRun
{
    public static int Train(ExampleSettings settings, Func<TorchThalNetModel> createModel, ModelInfo info, ISequenceSource train, ISequenceSource test, TextWriter output)
    {
        var device = TorchBackend.Device(settings.Device);
        torch.manual_seed((long)settings.Seed);
        using var model = createModel();
        model.to(device);
        using var optimizer = torch.optim.RMSProp(model.parameters(), lr: settings.LearningRate);
        output.WriteLine($"model={info.Name} params={model.parameters().Sum(p => p.numel())} train={train.Count} test={test.Count} backend=torchsharp device={settings.Device}");
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random((int)settings.Seed);
        var seconds = new List<double>();
        (double Accuracy, double Loss) result = (0, 0);
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            var start = Stopwatch.GetTimestamp();
            var (batches, lossSum) = (0, 0.0);
            foreach (var rows in Batches(order, settings.BatchSize, settings.MaxBatches))
            {
                using var scope = torch.NewDisposeScope();
                var (inputs, targets) = Batch(info, train, rows, device);
                optimizer.zero_grad();
                var loss = model.ComputeLoss(inputs, targets).Total;
                loss.backward();
                if (settings.MaxGradientNorm is { } norm)
                {
                    torch.nn.utils.clip_grad_norm_(model.parameters(), norm);
                }

                optimizer.step();
                lossSum += loss.item<float>();
                batches++;
            }

            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            result = Evaluate(model, info, test, settings, device);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch={epoch} train_loss={lossSum / Math.Max(batches, 1):0.####} test_loss={result.Loss:0.####} test_accuracy={result.Accuracy:0.####} seconds={seconds[^1]:0.##}"));
            if (settings.CheckpointPath is { } path)
            {
                SafeTensorsWriter.WriteFile(path, TorchParameters.Save(model).Select(v => new TensorEntry(v.Name, v.Shape, v.Values)), new Dictionary<string, string> { ["model"] = info.Name });
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test_accuracy={result.Accuracy:0.######}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test_loss={result.Loss:0.######}"));
        if (seconds.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch_seconds={seconds.Average():0.######}"));
        }

        return 0;
    }

    /// <summary>Accuracy of the first output and the mean total loss over the test set.</summary>
    private static (double Accuracy, double Loss) Evaluate(TorchThalNetModel model, ModelInfo info, ISequenceSource test, ExampleSettings settings, torch.Device device)
    {
        using var noGrad = torch.no_grad();
        var (correct, seen, lossSum) = (0L, 0L, 0.0);
        foreach (var rows in Batches(Enumerable.Range(0, test.Count).ToArray(), settings.BatchSize, settings.MaxEvaluationBatches))
        {
            using var scope = torch.NewDisposeScope();
            var (inputs, targets) = Batch(info, test, rows, device);
            var result = model.ComputeLoss(inputs, targets);
            correct += result.Logits[0].argmax(-1).eq(targets[0]).sum().item<long>();
            seen += targets[0].numel();
            lossSum += result.Total.item<float>() * rows.Length;
        }

        return seen == 0 ? (0, 0) : ((double)correct / seen, lossSum / (seen / (info.Outputs[0].EveryStep ? test.Steps : 1)));
    }

    private static IEnumerable<int[]> Batches(int[] order, int size, int? maxBatches)
    {
        var count = (order.Length + size - 1) / size;
        for (var b = 0; b < Math.Min(count, maxBatches ?? int.MaxValue); b++)
        {
            yield return order[(b * size)..Math.Min((b + 1) * size, order.Length)];
        }
    }

    /// <summary>The examples <paramref name="rows"/> as TorchSharp tensors on <paramref name="device"/>: inputs [T, B, W] (tokens [T, B]), targets [B] or [T, B].</summary>
    private static (TorchTensor[] Inputs, TorchTensor[] Targets) Batch(ModelInfo info, ISequenceSource source, int[] rows, torch.Device device)
    {
        var batch = new SequenceBatch(info, source.Steps, rows.Length);
        source.Fill(rows, batch);
        var inputs = info.Inputs.Select((input, i) => input.IsTokens
            ? torch.tensor(batch.Tokens[i]!.Select(t => (long)t).ToArray(), [batch.Steps, batch.Batch], device: device)
            : torch.tensor(batch.Dense[i]!.ToArray(), [batch.Steps, batch.Batch, input.Width], device: device)).ToArray();
        var targets = info.Outputs.Select((output, o) => torch.tensor(
            batch.Targets[o].Select(t => (long)t).ToArray(),
            output.EveryStep ? [batch.Steps, batch.Batch] : [batch.Batch],
            device: device)).ToArray();
        return (inputs, targets);
    }
}
