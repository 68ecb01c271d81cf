using System.Globalization;
using BenchmarkDotNet.Running;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Benchmarks;

internal static class BenchmarkCli
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" || (args[0] == "train-step" && args.Any(a => a is "--help" or "-h")))
        {
            Usage(Console.Out);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "train-step")
        {
            TrainStepOptions options;
            try
            {
                options = TrainStepOptions.Parse(args.AsSpan(1));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"train-step: {e.Message}");
                Usage(Console.Error);
                return 2;
            }

            if (options.Backend == "torchsharp")
            {
                TorchTrainStepBenchmark.Run(options, Console.Out);
            }
            else
            {
                TrainStepBenchmark.Run(options, Console.Out);
            }

            return 0;
        }

        if (args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchmarkCli).Assembly).Run(args[1..]);
            return 0;
        }

        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Usage(Console.Error);
        return 2;
    }

    private static void Usage(TextWriter output)
    {
        output.WriteLine("usage: ThalNet.Benchmarks train-step [--backend engine|torchsharp] [--batches N] [--seed S] [--threads 1|2] [--warmup N] [--model sequential-mnist|char-lm|gru-baseline-text|gru-baseline-mnist] [--parallel data|modules] [--compare unfused-reads|deferred-weight-grads|per-step-weight-grads|four-row-gemm|other-vector-width|gru-baseline|other-parallel-plan|dense-one-hot|libtorch-default-threads (torchsharp)]");
        output.WriteLine("       ThalNet.Benchmarks bdn [BenchmarkDotNet arguments]");
    }
}

internal sealed record TrainStepOptions(int Batches, ulong Seed, int Threads, int Warmup, string? Compare = null)
{
    private static readonly string[] Comparisons = ["unfused-reads", "deferred-weight-grads", "per-step-weight-grads", "four-row-gemm", "other-vector-width", "gru-baseline", "other-parallel-plan", "dense-one-hot", "libtorch-default-threads"];

    /// <summary>The model and data shape to train (<c>--model</c>).</summary>
    public TrainStepWorkload Workload { get; init; } = TrainStepWorkload.SequentialMnist;

    /// <summary>
    /// Whether the engine's workers split the rows or the modules (<c>--parallel data|modules</c>); by default the plan
    /// <see cref="ParallelPlans.Choose"/> picks, as the Trainer does.
    /// </summary>
    public ParallelPlan? Plan { get; init; }

    /// <summary><c>engine</c> (the default) or <c>torchsharp</c>.</summary>
    public string Backend { get; init; } = "engine";

    public static TrainStepOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new TrainStepOptions(100, 1, Environment.ProcessorCount >= 2 ? 2 : 1, 50);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--batches" => options with { Batches = Number<int>(args[i], value) },
                "--seed" => options with { Seed = Number<ulong>(args[i], value) },
                "--threads" => options with { Threads = Number<int>(args[i], value) },
                "--warmup" => options with { Warmup = Number<int>(args[i], value) },
                "--compare" when Comparisons.Contains(value) => options with { Compare = value },
                "--compare" => throw new ArgumentException($"--compare takes {string.Join(", ", Comparisons)}; got '{value}'."),
                "--model" => options with { Workload = TrainStepWorkload.All.FirstOrDefault(w => w.Name == value) ?? throw new ArgumentException($"--model takes {string.Join(", ", TrainStepWorkload.All.Select(w => w.Name))}; got '{value}'.") },
                "--backend" when value is "engine" or "torchsharp" => options with { Backend = value },
                "--parallel" when value is "data" or "modules" => options with { Plan = value == "data" ? ParallelPlan.Data : ParallelPlan.Modules },
                "--parallel" => throw new ArgumentException($"--parallel takes data or modules, not '{value}'."),
                "--backend" => throw new ArgumentException($"--backend takes engine or torchsharp, not '{value}'."),
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return options;
    }

    private static T Number<T>(string option, string value)
        where T : IParsable<T> =>
        T.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : throw new ArgumentException($"{option} takes a whole number; got '{value}'.");
}
