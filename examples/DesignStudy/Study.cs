using ThalNet.Runtime.Training;

namespace ThalNet.Examples.DesignStudy;

/// <summary>
/// Runs every configuration for every seed that the results log does not already hold, printing one line per
/// configuration and seed, then writes Figure 5, the table of final accuracies and the connectivity comparison.
/// </summary>
internal static class Study
{
    public static int Run(StudySettings settings, TextWriter output)
    {
        if (settings.Epochs < 1 || settings.Seeds < 1)
        {
            return ExpectedErrors.Report($"--epochs and --seeds must be at least 1 (got --epochs {settings.Epochs} --seeds {settings.Seeds}).");
        }

        var unknown = settings.Only.Except(StudyConfiguration.All.Select(c => c.Name)).Except([StudyBaseline.Name]).ToList();
        if (unknown.Count > 0)
        {
            return ExpectedErrors.Report($"--only {string.Join(", ", unknown)}: not a configuration; use design/reading with designs {string.Join(", ", StudyConfiguration.Designs)} and readers {string.Join(", ", StudyConfiguration.Readings)}, or {StudyBaseline.Name}.");
        }

        var log = new ResultsLog<StudyResult>(settings.ResultsPath);
        var results = log.Read().Where(settings.Matches).ToList();
        var data = new StudyData(settings.DataDirectory);
        var runner = new StudyRunner(settings, data);
        output.WriteLine($"design study: {settings.Configurations.Count} configurations{(settings.IncludesBaseline ? " and the GRU baseline" : "")} x {settings.Seeds} seeds, {settings.Epochs} epochs, backend={settings.Backend}{(settings.Backend == BackendOptions.TorchSharp ? $" device={settings.Device}" : "")} threads={settings.Workers}, train={data.TrainCount} test={data.TestCount}, results={log.Path}");
        using var cancellation = new CtrlCCancellation();
        var done = new List<StudyResult>();
        foreach (var seed in settings.SeedList)
        {
            var runs = settings.Configurations.Select(c => (c.Design, c.Reading, Train: (Func<StudyResult>)(() => runner.Run(c, seed, cancellation.Token)))).ToList();
            if (settings.IncludesBaseline)
            {
                runs.Add((StudyBaseline.Design, StudyBaseline.Reading, () => runner.RunBaseline(seed, cancellation.Token)));
            }

            foreach (var (design, reading, train) in runs)
            {
                var logged = results.LastOrDefault(r => r.Design == design && r.Reading == reading && r.Seed == seed);
                if (logged is null && settings.ReportOnly)
                {
                    continue;
                }

                if (logged is null)
                {
                    try
                    {
                        logged = train();
                    }
                    catch (OperationCanceledException)
                    {
                        output.WriteLine($"interrupted; run again with the same options to continue from {log.Path}");
                        return 130;
                    }

                    log.Append(logged);
                    output.WriteLine(logged.Summary(resumed: false));
                }
                else
                {
                    output.WriteLine(logged.Summary(resumed: true));
                }

                output.Flush();
                done.Add(logged);
            }
        }

        StudyReport.Write(settings.Output, done, output);
        return 0;
    }
}
