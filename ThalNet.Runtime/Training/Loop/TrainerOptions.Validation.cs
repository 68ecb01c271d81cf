using System.Globalization;

namespace ThalNet.Runtime.Training;

public sealed partial record TrainerOptions
{
    /// <summary>
    /// Everything that would stop these options from training, found before any data loads or any epoch runs:
    /// counts below their minimum, a learning rate that is zero, negative or not finite, resuming without a
    /// checkpoint, a checkpoint or metrics path that is a folder or cannot be written, and one path for both. Empty when they can train.
    /// </summary>
    public IReadOnlyList<TrainerOptionProblem> Problems()
    {
        var problems = new List<TrainerOptionProblem>();
        AtLeast(problems, nameof(Epochs), Epochs, 0);
        AtLeast(problems, nameof(BatchSize), BatchSize, 1);
        AtLeast(problems, nameof(EvaluationBatchSize), EvaluationBatchSize, 1);
        AtLeast(problems, nameof(Workers), Workers, 1);
        AtLeast(problems, nameof(MaxBatchesPerEpoch), MaxBatchesPerEpoch, 1);
        AtLeast(problems, nameof(MaxEvaluationBatches), MaxEvaluationBatches, 1);
        AtLeast(problems, nameof(LogEvery), LogEvery, 1);
        if (ProgressInterval < TimeSpan.Zero && ProgressInterval != Timeout.InfiniteTimeSpan)
        {
            problems.Add(new(nameof(ProgressInterval), $"must be zero or more, or Timeout.InfiniteTimeSpan for none, got {ProgressInterval}"));
        }

        if (!(float.IsFinite(LearningRate) && LearningRate > 0f))
        {
            problems.Add(new(nameof(LearningRate), $"must be a positive finite number, got {Show(LearningRate)}"));
        }

        if (CosineDecayTo is { } decay && !(decay >= 0f && decay <= 1f))
        {
            problems.Add(new(nameof(CosineDecayTo), $"must be a fraction between 0 and 1, got {Show(decay)}"));
        }

        if (MaxGradientNorm is { } norm && !(float.IsFinite(norm) && norm > 0f))
        {
            problems.Add(new(nameof(MaxGradientNorm), $"must be a positive finite number, got {Show(norm)}"));
        }

        if (Resume && CheckpointPath is null)
        {
            problems.Add(new(nameof(Resume), "needs a checkpoint file to resume from", Needs: nameof(CheckpointPath)));
        }

        OutputFile(problems, nameof(CheckpointPath), CheckpointPath);
        OutputFile(problems, nameof(MetricsPath), MetricsPath);
        if (SameFile(CheckpointPath, MetricsPath))
        {
            problems.Add(new(nameof(MetricsPath), $"names the checkpoint file too ('{MetricsPath}'); give the metrics log a path of its own"));
        }

        AddRunControlProblems(problems);
        return problems;
    }

    /// <exception cref="TrainerOptionsException">Any of <see cref="Problems"/>.</exception>
    internal void Validate()
    {
        if (Problems() is { Count: > 0 } problems)
        {
            throw new TrainerOptionsException(problems);
        }
    }

    private static void AtLeast(List<TrainerOptionProblem> problems, string property, int? value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add(new(property, minimum == 0 ? $"must be 0 or more, got {Show(value.Value)}" : $"must be at least {Show(minimum)}, got {Show(value.Value)}"));
        }
    }

    /// <summary>A file training writes: not a folder, and in a folder that exists (or can be made) and takes new files.</summary>
    private static void OutputFile(List<TrainerOptionProblem> problems, string property, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (path is not null)
            {
                problems.Add(new(property, "is empty; give a file path"));
            }

            return;
        }

        if (OutputFileProblem(path) is { } problem)
        {
            problems.Add(new(property, problem));
        }
    }

    /// <summary>Whether two output paths name one file (the file system's case rules aside).</summary>
    private static bool SameFile(string? first, string? second)
    {
        if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(second))
        {
            return false;
        }

        try
        {
            return string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static string? OutputFileProblem(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a valid path ({e.Message})";
        }

        if (Directory.Exists(full))
        {
            return $"'{path}' is a folder; give a file path, e.g. '{Path.Combine(path, "model.safetensors")}'";
        }

        var folder = Path.GetDirectoryName(full);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return $"'{path}' cannot be created: '{folder}' is a file, not a folder";
            }

            folder = Path.GetDirectoryName(folder);
        }

        try
        {
            if (File.Exists(full))
            {
                // Opening for writing without truncating proves the file can be replaced or appended to.
                using (new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                }
            }
            else if (folder is not null)
            {
                using (new FileStream(Path.Combine(folder, $".thalnet-probe-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            return File.Exists(full)
                ? $"'{path}' cannot be written: you may not write to that file"
                : $"'{path}' cannot be created: you may not create files in '{folder}'";
        }
        catch (IOException e)
        {
            return $"'{path}' cannot be written ({e.Message})";
        }

        return null;
    }

    private static string Show(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
