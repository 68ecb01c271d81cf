using System.CommandLine;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// The command line every example shares: --data, --epochs, --batch-size, --seed, --checkpoint, --resume,
/// --max-batches and a few more; <c>analyze</c> writes the report of a checkpoint.
/// </summary>
public sealed class ExampleCommand
{
    private readonly Option<string?> _data = new("--data") { Description = "Folder with the data set (default: ../shared/data/<set> or $THALNET_SHARED_DATA)" };
    private readonly Option<int> _epochs;
    private readonly Option<int> _batchSize;
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the initial weights and the data order", DefaultValueFactory = _ => 1UL };
    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "Checkpoint file (safetensors), written every epoch and on Ctrl+C" };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue from --checkpoint when it exists" };
    private readonly Option<int?> _maxBatches = new("--max-batches") { Description = "Stop each epoch after this many batches (quick runs)" };
    private readonly Option<int?> _maxEvalBatches = new("--max-eval-batches") { Description = "Evaluate on at most this many batches" };
    private readonly Option<int> _threads = new("--threads") { Description = "Worker threads", DefaultValueFactory = _ => TrainerOptions.DefaultWorkers };
    private readonly Option<float> _learningRate;
    private readonly Option<float?> _lrDecay;
    private readonly Option<float?> _clip;
    private readonly Option<string?> _metrics = new("--metrics") { Description = "JSON-lines metrics log" };
    private readonly Option<bool> _noProgress = new("--no-progress") { Description = "Plain lines instead of live progress bars" };
    private readonly Option<bool> _allowNonFinite = new("--allow-non-finite") { Description = "Keep training when the loss or a gradient becomes NaN or infinite (by default training stops with an error)" };
    private readonly Option<string?> _report = new("--out") { Description = "Folder for the report (default: <checkpoint>.report)" };

    private readonly Option<string>? _task;
    private readonly IReadOnlyDictionary<string, string> _taskData;

    /// <param name="taskData">When given, a --task option chooses among these tasks (the first is the default), each with its data subfolder.</param>
    public ExampleCommand(string description, string dataSubfolder, int epochs = 20, int batchSize = 50, float learningRate = 1e-3f, IReadOnlyDictionary<string, string>? taskData = null, float? learningRateDecayTo = null, float? maxGradientNorm = null)
    {
        Description = description;
        DataSubfolder = dataSubfolder;
        _taskData = taskData ?? new Dictionary<string, string>();
        if (taskData is { Count: > 0 })
        {
            var first = taskData.Keys.First();
            _task = new Option<string>("--task") { Description = "Task: " + string.Join(", ", taskData.Keys), DefaultValueFactory = _ => first };
            _task.AcceptOnlyFromAmong([.. taskData.Keys]);
        }

        _epochs = new("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => epochs };
        _batchSize = new("--batch-size") { Description = "Examples per batch", DefaultValueFactory = _ => batchSize };
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
        Option[] common = [_data, _epochs, _batchSize, _seed, _checkpoint, _resume, _maxBatches, _maxEvalBatches, _threads, _learningRate, _lrDecay, _clip, _metrics, _noProgress, _allowNonFinite, .. (_task is null ? Array.Empty<Option>() : [_task])];
        foreach (var option in common)
        {
            root.Options.Add(option);
        }

        root.SetAction(result =>
        {
            var settings = Settings(result);
            return CommandLineOptions.Problems(settings.ToTrainerOptions()) is { } problems
                ? ExpectedErrors.Report(problems)
                : ExpectedErrors.Run(() => train(settings));
        });
        var analyzeCommand = new Command("analyze", "Write reading-weight heatmaps, the connectivity graph, module ablation and training curves of a checkpoint as an HTML report");
        foreach (var option in common)
        {
            analyzeCommand.Options.Add(option);
        }

        analyzeCommand.Options.Add(_report);
        analyzeCommand.SetAction(result =>
        {
            var settings = Settings(result);
            if (settings.CheckpointPath is null)
            {
                Console.Error.WriteLine("error: analyze needs --checkpoint <file> (a checkpoint written by training).");
                return 2;
            }

            // Analysis writes neither the checkpoint nor the metrics log; it only reads them.
            return CommandLineOptions.Problems(settings.ToTrainerOptions() with { CheckpointPath = null, Resume = false, MetricsPath = null }) is { } problems
                ? ExpectedErrors.Report(problems)
                : ExpectedErrors.Run(() => analyze(settings, result.GetValue(_report) ?? settings.CheckpointPath + ".report"));
        });
        root.Subcommands.Add(analyzeCommand);
        return root.Parse(args).Invoke();
    }

    private ExampleSettings Settings(ParseResult result)
    {
        var task = _task is null ? null : result.GetValue(_task);
        var subfolder = task is null ? DataSubfolder : _taskData[task];
        return new(
        SharedData.Resolve(result.GetValue(_data), subfolder),
        result.GetValue(_epochs),
        result.GetValue(_batchSize),
        result.GetValue(_seed),
        result.GetValue(_checkpoint),
        result.GetValue(_resume),
        result.GetValue(_maxBatches),
        result.GetValue(_maxEvalBatches),
        result.GetValue(_threads),
        result.GetValue(_learningRate),
        result.GetValue(_lrDecay),
        result.GetValue(_clip),
        result.GetValue(_metrics),
        !result.GetValue(_noProgress))
        {
            Task = task,
            AllowNonFinite = result.GetValue(_allowNonFinite),
        };
    }
}
