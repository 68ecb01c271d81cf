using System.CommandLine;
using ThalNet.Examples;
using ThalNet.Examples.ModularFamily;
using ThalNet.Runtime.Training;

// The modular-recurrent family compared (issue 25): ThalNet with weight-norm reading, with attention reading, and with
// attention reading and competing modules (active: k), at one parameter budget, on sequential MNIST and on the copying task.
var data = new Option<string?>("--data") { Description = "MNIST folder (default: ../shared/data/mnist-8k2k or $THALNET_SHARED_DATA)" };
var tasks = new Option<string[]>("--tasks") { Description = "Tasks to run: mnist, copy", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [.. FamilyTasks.Names] };
var models = new Option<string[]>("--models") { Description = "Models to run: weight-norm, attention, attention-active", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [.. FamilyModel.Names] };
var epochs = new Option<int>("--epochs") { Description = "Epochs per run", DefaultValueFactory = _ => 15 };
var seeds = new Option<int>("--seeds") { Description = "Seeds per task and model", DefaultValueFactory = _ => 3 };
var firstSeed = new Option<ulong>("--first-seed") { Description = "The first seed; --seeds counts on from it", DefaultValueFactory = _ => 1UL };
var mnistTrain = new Option<int?>("--mnist-train") { Description = "Sequential MNIST training images to use, the first ones (default: all)" };
var copyTrain = new Option<int>("--copy-train") { Description = "Copying sequences to train on", DefaultValueFactory = _ => 10000 };
var copyTest = new Option<int>("--copy-test") { Description = "Copying sequences to test on", DefaultValueFactory = _ => 1000 };
var copyDelay = new Option<int>("--copy-delay") { Description = "Blank steps between the 10 digits and the go marker", DefaultValueFactory = _ => 5 };
var optimizer = new Option<string>("--optimizer") { Description = "adam or rmsprop", DefaultValueFactory = _ => FamilySettings.Adam };
optimizer.AcceptOnlyFromAmong(FamilySettings.Adam, FamilySettings.RmsProp);
var learningRate = new Option<float>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => FamilySettings.DefaultLearningRate };
var maxBatches = new Option<int?>("--max-batches") { Description = "Stop each epoch after this many batches (quick runs)" };
var maxEvalBatches = new Option<int?>("--max-eval-batches") { Description = "Evaluate on at most this many batches" };
var threads = new Option<int?>("--threads") { Description = $"Worker threads (default {TrainerOptions.DefaultWorkers})" };
var output = new Option<string>("--out") { Description = "Folder for results.jsonl, the table and the figures; runs already in its log are not run again", DefaultValueFactory = _ => "modular-family" };
var reportOnly = new Option<bool>("--report-only") { Description = "Train nothing: draw the table and the figures from the runs already in the results log" };
var noProgress = new Option<bool>("--no-progress") { Description = "Accepted as by the other examples; this program prints one line per finished run" };
var root = new RootCommand("Train ThalNet with weight-norm reading, attention reading, and attention reading with competing modules on sequential MNIST and the copying task.");
foreach (var option in new Option[] { data, tasks, models, epochs, seeds, firstSeed, mnistTrain, copyTrain, copyTest, copyDelay, optimizer, learningRate, maxBatches, maxEvalBatches, threads, output, reportOnly, noProgress })
{
    root.Options.Add(option);
}

root.SetAction(result => ExpectedErrors.Run(() =>
{
    var settings = new FamilySettings(
        SharedData.Resolve(result.GetValue(data), "mnist-8k2k"),
        result.GetValue(epochs),
        result.GetValue(seeds),
        result.GetValue(firstSeed),
        result.GetValue(tasks) ?? [],
        result.GetValue(models) ?? [],
        result.GetValue(mnistTrain) is > 0 and var n ? n : null,
        result.GetValue(copyTrain),
        result.GetValue(copyTest),
        result.GetValue(copyDelay),
        result.GetValue(maxBatches),
        result.GetValue(maxEvalBatches),
        result.GetValue(threads) ?? TrainerOptions.DefaultWorkers,
        result.GetValue(output)!)
    {
        ReportOnly = result.GetValue(reportOnly),
        Optimizer = result.GetValue(optimizer)!,
        LearningRate = result.GetValue(learningRate),
    };
    return Family.Run(settings, Console.Out);
}));
return root.Parse(args).Invoke();
