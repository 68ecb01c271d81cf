using System.CommandLine;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// The command line every example shares: --data, --epochs, --batch-size, --seed, --checkpoint, --resume,
/// --max-batches and a few more; <c>analyze</c> writes the report of a checkpoint and takes only the options that
/// analysis uses. Training writes a checkpoint and a metrics log by default (<c>EXAMPLE.safetensors</c>,
/// <c>EXAMPLE.metrics.jsonl</c> in the current folder), and analyze reads the same files by default, so analyze works
/// right after a plain training run.
/// </summary>
public sealed class ExampleCommand
{
    private readonly Option<string?> _data = new("--data") { Description = "Folder with the data set (default: ../shared/data/<set> or $THALNET_SHARED_DATA)" };
    private readonly Option<int> _epochs;
    private readonly Option<int> _batchSize;
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the initial weights and the data order", DefaultValueFactory = _ => 1UL };
    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "Checkpoint file (safetensors), written every epoch and on Ctrl+C; analyze reads it", DefaultValueFactory = _ => ProgramName + ".safetensors" };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue from --checkpoint when it exists" };
    private readonly Option<int?> _maxBatches = new("--max-batches") { Description = "Stop each epoch after this many batches (quick runs)" };
    private readonly Option<int?> _maxEvalBatches = new("--max-eval-batches") { Description = "Evaluate on at most this many batches" };
    private readonly BackendOptions _backendOptions = new();
    private readonly Option<float> _learningRate;
    private readonly Option<float?> _lrDecay;
    private readonly Option<float?> _clip;
    private readonly Option<string?> _metrics = new("--metrics") { Description = "JSON-lines metrics log; analyze draws its training curves", DefaultValueFactory = _ => ProgramName + ".metrics.jsonl" };
    private readonly Option<bool> _noProgress = new("--no-progress") { Description = "Plain lines instead of live progress bars" };
    private readonly Option<bool> _allowNonFinite = new("--allow-non-finite") { Description = "Keep training when the loss or a gradient becomes NaN or infinite (by default training stops with an error)" };
    private readonly Option<string?> _tensorBoard = new("--tensorboard") { Description = "TensorBoard log folder: event files with every metric (SPLIT/OUTPUT/METRIC), the learning rate, samples per second and reading-weight histograms" };
    private readonly Option<string?> _keepBest = new("--keep-best") { Description = "Also keep the checkpoint of the best epoch by this metric, e.g. test/digit/accuracy (written to <checkpoint>.best.safetensors)" };
    private readonly Option<string?> _earlyStop = new("--early-stop") { Description = "Stop when this metric (e.g. test/loss) has not improved for --patience epochs" };
    private readonly Option<int> _patience = new("--patience") { Description = "Epochs without improvement before --early-stop stops training", DefaultValueFactory = _ => 5 };
    private readonly Option<string?> _schedule = new("--lr-schedule") { Description = "Learning-rate schedule over the epochs: " + ScheduleArgument.Forms };
    private readonly Option<int> _warmup = new("--warmup") { Description = "Optimizer steps of linear learning-rate warm-up", DefaultValueFactory = _ => 0 };
    private readonly Option<string?> _report = new("--out") { Description = "Folder for the report (default: <checkpoint>.report)" };
    private readonly Option<int> _traceExample = new("--example") { Description = "Test example (stream, for language models) whose fast-reader attention is shown step by step", DefaultValueFactory = _ => 0 };

    private readonly Option<string>? _task;
    private readonly IReadOnlyDictionary<string, string> _taskData;
    private readonly IReadOnlyDictionary<string, int> _taskBatchSizes;

    /// <param name="taskData">When given, a --task option chooses among these tasks (the first is the default), each with its data subfolder.</param>
    /// <param name="taskBatchSizes">Tasks whose default --batch-size is not <paramref name="batchSize"/> (a baseline trains as the model it is compared with).</param>
    public ExampleCommand(string description, string dataSubfolder, int epochs = 20, int batchSize = 50, float learningRate = 1e-3f, IReadOnlyDictionary<string, string>? taskData = null, float? learningRateDecayTo = null, float? maxGradientNorm = null, IReadOnlyDictionary<string, int>? taskBatchSizes = null)
    {
        Description = description;
        DataSubfolder = dataSubfolder;
        _taskData = taskData ?? new Dictionary<string, string>();
        _taskBatchSizes = taskBatchSizes ?? new Dictionary<string, int>();
        if (taskData is { Count: > 0 })
        {
            var first = taskData.Keys.First();
            _task = new Option<string>("--task") { Description = "Task: " + string.Join(", ", taskData.Keys), DefaultValueFactory = _ => first };
            _task.AcceptOnlyFromAmong([.. taskData.Keys]);
        }

        _epochs = new("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => epochs };
        var batchDefaults = string.Concat(_taskBatchSizes.Select(t => $"; {t.Value} for --task {t.Key}"));
        _batchSize = new("--batch-size") { Description = $"Examples per batch (default {batchSize}{batchDefaults})", DefaultValueFactory = _ => batchSize };
        _learningRate = new("--lr") { Description = "Learning rate", DefaultValueFactory = _ => learningRate };
        _clip = new("--clip") { Description = "Rescale gradients to at most this global L2 norm (clip_grad_norm)", DefaultValueFactory = _ => maxGradientNorm };
        _lrDecay = new("--lr-decay-to") { Description = "Cosine learning-rate decay over the epochs down to this fraction of --lr", DefaultValueFactory = _ => learningRateDecayTo };
    }

    public string Description { get; }

    public string DataSubfolder { get; }

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="train"/>, or <paramref name="analyze"/> for <c>analyze</c>.</summary>
    public int Run(string[] args, Func<ExampleSettings, int> train, Func<ExampleSettings, string, int> analyze)
    {
        var root = new RootCommand(Description);
        Option[] task = _task is null ? [] : [_task];
        foreach (var option in (Option[])[_data, _epochs, _batchSize, _seed, _checkpoint, _resume, _maxBatches, _maxEvalBatches, _backendOptions.Threads, _learningRate, _lrDecay, _clip, _metrics, _noProgress, _allowNonFinite, _tensorBoard, _keepBest, _earlyStop, _patience, _schedule, _warmup, _backendOptions.Backend, _backendOptions.Device, .. task])
        {
            root.Options.Add(option);
        }

        root.SetAction(result =>
        {
            if (result.GetValue(_schedule) is { } schedule && ScheduleArgument.Parse(schedule, out var scheduleError) is null)
            {
                return ExpectedErrors.Report(scheduleError!);
            }

            var settings = Settings(result);
            return CommandLineOptions.Problems(settings.ToTrainerOptions()) is { } problems
                ? ExpectedErrors.Report(problems)
                : ExpectedErrors.Run(() => train(settings));
        });
        var analyzeCommand = new Command("analyze", "Write reading-weight heatmaps, step-by-step attention, the connectivity graph, module ablation and training curves of a checkpoint as an HTML report (analysis runs on the engine with the checkpoint's weights, whichever backend trained them)");
        foreach (var option in (Option[])[_data, _checkpoint, _metrics, _report, _traceExample, _batchSize, _maxEvalBatches, .. task])
        {
            analyzeCommand.Options.Add(option);
        }

        // Accepted so one set of display flags serves both commands, but not listed: they change nothing in a report.
        analyzeCommand.Options.Add(new Option<bool>("--no-progress") { Hidden = true });
        analyzeCommand.Options.Add(new Option<int>("--threads") { Hidden = true });

        analyzeCommand.SetAction(result =>
        {
            var settings = AnalysisSettings(result);

            // Analysis writes neither the checkpoint nor the metrics log; it only reads them.
            return (CommandLineOptions.Problems(settings.ToTrainerOptions() with { CheckpointPath = null, Resume = false, MetricsPath = null }) ?? MetricsFolderProblem(settings.MetricsPath)) is { } problems
                ? ExpectedErrors.Report(problems)
                : ExpectedErrors.Run(() => analyze(settings, result.GetValue(_report) ?? settings.CheckpointPath + ".report"));
        });
        root.Subcommands.Add(analyzeCommand);
        return root.Parse(args).Invoke();
    }

    /// <summary>Analysis draws curves from the metrics log when the file exists; a folder there is a mistake, not an absent log.</summary>
    private static string? MetricsFolderProblem(string? metrics)
        => metrics is not null && Directory.Exists(metrics)
            ? $"--metrics '{metrics}' is a folder; give the metrics log file, e.g. '{Path.Combine(metrics, ProgramName + ".metrics.jsonl")}'."
            : null;

    /// <summary>--batch-size as given, else the task's own default, else the program's.</summary>
    private int BatchSize(ParseResult result, string? task) =>
        result.GetResult(_batchSize) is { Implicit: false } || task is null || !_taskBatchSizes.TryGetValue(task, out var size)
            ? result.GetValue(_batchSize)
            : size;

    /// <summary>The entry program's name, which names its default checkpoint and metrics log.</summary>
    private static string ProgramName => System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "thalnet";

    /// <summary>What analyze is told; the training-only settings keep their defaults.</summary>
    private ExampleSettings AnalysisSettings(ParseResult result)
    {
        var task = _task is null ? null : result.GetValue(_task);
        return new(
            SharedData.Resolve(result.GetValue(_data), task is null ? DataSubfolder : _taskData[task]),
            Epochs: 0,
            BatchSize(result, task),
            Seed: 1,
            result.GetValue(_checkpoint),
            Resume: false,
            MaxBatches: null,
            result.GetValue(_maxEvalBatches),
            Workers: 1,
            LearningRate: 1e-3f,
            LearningRateDecayTo: null,
            MaxGradientNorm: null,
            result.GetValue(_metrics),
            Progress: false)
        {
            Task = task,
            TraceExample = result.GetValue(_traceExample),
        };
    }

    private ExampleSettings Settings(ParseResult result)
    {
        var task = _task is null ? null : result.GetValue(_task);
        var subfolder = task is null ? DataSubfolder : _taskData[task];
        return new(
        SharedData.Resolve(result.GetValue(_data), subfolder),
        result.GetValue(_epochs),
        BatchSize(result, task),
        result.GetValue(_seed),
        result.GetValue(_checkpoint),
        result.GetValue(_resume),
        result.GetValue(_maxBatches),
        result.GetValue(_maxEvalBatches),
        _backendOptions.Workers(result),
        result.GetValue(_learningRate),
        result.GetValue(_lrDecay),
        result.GetValue(_clip),
        result.GetValue(_metrics),
        !result.GetValue(_noProgress))
        {
            Task = task,
            AllowNonFinite = result.GetValue(_allowNonFinite),
            Backend = result.GetValue(_backendOptions.Backend)!,
            Device = result.GetValue(_backendOptions.Device)!,
            TensorBoardPath = result.GetValue(_tensorBoard),
            KeepBestMetric = result.GetValue(_keepBest),
            EarlyStoppingMetric = result.GetValue(_earlyStop),
            EarlyStoppingPatience = result.GetValue(_patience),
            Schedule = result.GetValue(_schedule) is { } schedule ? ScheduleArgument.Parse(schedule, out _) : null,
            WarmupSteps = result.GetValue(_warmup),
        };
    }
}
