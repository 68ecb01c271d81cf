using System.CommandLine;
using ThalNet.Examples;
using ThalNet.Examples.DesignStudy;

// The appendix's design study (Hafner et al. 2017): 5 module designs x 4 reading mechanisms on sequential MNIST,
// every model sized by a 50,000-parameter budget, trained with RMSprop 1e-3 and batch 50.
var data = new Option<string?>("--data") { Description = "MNIST folder (default: ../shared/data/mnist-8k2k or $THALNET_SHARED_DATA)" };
var epochs = new Option<int>("--epochs") { Description = "Epochs per run", DefaultValueFactory = _ => 3 };
var seeds = new Option<int>("--seeds") { Description = "Seeds per configuration", DefaultValueFactory = _ => 1 };
var firstSeed = new Option<ulong>("--first-seed") { Description = "The first seed; --seeds counts on from it (to share a study among machines)", DefaultValueFactory = _ => 1UL };
var only = new Option<string[]>("--only") { Description = "Run only these configurations, as design/reading (e.g. FF-GRU/weight-norm)", AllowMultipleArgumentsPerToken = true };
var maxBatches = new Option<int?>("--max-batches") { Description = "Stop each epoch after this many batches (quick runs)" };
var maxEvalBatches = new Option<int?>("--max-eval-batches") { Description = "Evaluate on at most this many batches" };
var backend = new BackendOptions();
var output = new Option<string>("--out") { Description = "Folder for results.jsonl, the figures and the table; runs already in its log are not run again", DefaultValueFactory = _ => "design-study" };
var reportOnly = new Option<bool>("--report-only") { Description = "Train nothing: draw the figures and the table from the runs already in the results log" };
var noProgress = new Option<bool>("--no-progress") { Description = "Accepted as by the other examples; the study never draws progress bars, it prints one line per finished run" };
var root = new RootCommand("Train the 20 configurations of the paper's design study (5 module designs x 4 readers) and draw Figure 5.");
foreach (var option in new Option[] { data, epochs, seeds, firstSeed, only, maxBatches, maxEvalBatches, backend.Threads, backend.Backend, backend.Device, output, reportOnly, noProgress })
{
    root.Options.Add(option);
}

root.SetAction(result => ExpectedErrors.Run(() =>
{
    var settings = new StudySettings(
        SharedData.Resolve(result.GetValue(data), "mnist-8k2k"),
        result.GetValue(epochs),
        result.GetValue(seeds),
        result.GetValue(firstSeed),
        result.GetValue(only) ?? [],
        result.GetValue(maxBatches),
        result.GetValue(maxEvalBatches),
        backend.Workers(result),
        result.GetValue(output)!)
    {
        ReportOnly = result.GetValue(reportOnly),
        Backend = result.GetValue(backend.Backend)!,
        Device = result.GetValue(backend.Device)!,
    };
    return Study.Run(settings, Console.Out);
}));
return root.Parse(args).Invoke();
