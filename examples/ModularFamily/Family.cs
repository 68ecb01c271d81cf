using System.Globalization;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// Runs every seed, task and model that the results log does not already hold, printing one line per run, then writes
/// the table, the curves and the activity strips. Seeds come outermost, so a comparison cut short has every model on
/// every task for its first seeds.
/// </summary>
internal static class Family
{
    public static int Run(FamilySettings settings, TextWriter output)
    {
        if (settings.Epochs < 1 || settings.Seeds < 1)
        {
            return ExpectedErrors.Report($"--epochs and --seeds must be at least 1 (got --epochs {settings.Epochs} --seeds {settings.Seeds}).");
        }

        var unknown = settings.Tasks.Except(FamilyTasks.Names).Concat(settings.Models.Except(FamilyModel.Names)).ToList();
        if (unknown.Count > 0)
        {
            return ExpectedErrors.Report($"{string.Join(", ", unknown)}: not a task or model; tasks are {string.Join(", ", FamilyTasks.Names)}, models {string.Join(", ", FamilyModel.Names)}.");
        }

        var log = new ResultsLog<FamilyResult>(settings.ResultsPath);
        var logged = log.Read();
        var tasks = FamilyTasks.Names.Where(settings.Tasks.Contains).Select(name => Task(settings, name)).ToList();
        var runner = new FamilyRunner(settings);
        output.WriteLine($"modular family: {string.Join(", ", tasks.Select(t => $"{t.Name} (train={t.TrainCount} test={t.TestCount}{(t.Delay > 0 ? $" delay={t.Delay}" : "")})"))} x {string.Join(", ", settings.Models)} x {settings.Seeds} seeds, {settings.Epochs} epochs, optimizer={settings.Optimizer} lr={settings.LearningRate.ToString(CultureInfo.InvariantCulture)}, threads={settings.Workers}, results={log.Path}");
        using var cancellation = new CtrlCCancellation();
        var done = new List<FamilyResult>();
        foreach (var seed in settings.SeedList)
        {
            foreach (var task in tasks)
            {
                foreach (var model in FamilyModel.All.Where(m => m.Task == task.Name && settings.Models.Contains(m.Name)))
                {
                    var result = logged.LastOrDefault(r => r.Model == model.Name && r.Seed == seed && settings.Matches(r, task));
                    if (result is null && settings.ReportOnly)
                    {
                        continue;
                    }

                    var resumed = result is not null;
                    if (result is null)
                    {
                        try
                        {
                            result = runner.Run(task, model, seed, cancellation.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            output.WriteLine($"interrupted; run again with the same options to continue from {log.Path}");
                            return 130;
                        }

                        log.Append(result);
                    }

                    output.WriteLine(result.Summary(resumed));
                    output.Flush();
                    done.Add(result);
                }
            }
        }

        FamilyReport.Write(settings.Output, done, output);
        return 0;
    }

    private static IFamilyTask Task(FamilySettings settings, string name) => name == FamilyTasks.Mnist
        ? new MnistTask(settings.DataDirectory, settings.MnistTrain)
        : new CopyTask(settings.CopyDelay, settings.CopyTrain, settings.CopyTest);
}
