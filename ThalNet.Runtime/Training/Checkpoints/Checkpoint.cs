using System.Globalization;
using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Training checkpoints in the safetensors format: the model's parameters under their dotted names (loadable by
/// PyTorch), the optimizer's state under <c>optimizer.</c>, a language model's carried state under <c>state.</c>,
/// and in the metadata the model name, the position in training and the random generator's states, with checksums of
/// the tensors and of the metadata (<see cref="TensorChecksum"/>, <see cref="MetadataChecksum"/>). Training writes
/// and reads them through <see cref="ITrainingBackend"/>, in the engine's names and layouts, so a checkpoint written
/// on one backend resumes on another.
/// </summary>
public static class Checkpoint
{
    /// <summary>
    /// The <c>format</c> metadata value of a training checkpoint; resuming refuses a file without it.
    /// </summary>
    public const string Format = "thalnet-training";

    /// <summary>The layout version this engine writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string OptimizerPrefix = "optimizer.";

    /// <summary>The metadata prefix of the interrupted epoch's tallies, per output.</summary>
    internal const string EpochTallyPrefix = "epoch_train.";

    /// <summary>The metadata prefix of the tallies of the batches the metrics log has not averaged yet, per output.</summary>
    internal const string WindowTallyPrefix = "window_train.";

    /// <summary>The metadata entry counting the batches the metrics log has not averaged yet.</summary>
    internal const string WindowBatchesKey = "window_batches";

    /// <summary>What to do when a checkpoint's parameters do not fit the model they are loaded into.</summary>
    internal const string LoadRemedy = "Load it into the model that trained it: the same spec (or model class) and the same options.";

    /// <summary>
    /// Loads only the model's parameters, e.g. to evaluate or analyse a trained model: from a training checkpoint,
    /// a weights file (<see cref="ModelWeights.SaveWeights"/>), or a plain safetensors file of parameters (such as
    /// PyTorch's), which carries no metadata. Nothing is changed unless every parameter fits.
    /// </summary>
    /// <exception cref="CheckpointException">
    /// The file is corrupt, or does not fit the model; the message counts the missing, unexpected and reshaped
    /// parameters and names the first few.
    /// </exception>
    public static void LoadParameters(SequenceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        var file = SafeTensorsReader.ReadFile(path);
        TensorChecksum.Verify(file, path);
        MetadataChecksum.Verify(file, path);
        var metadata = new CheckpointMetadata(file.Metadata, path);
        var problems = new List<string>();
        CheckModel(model.Info.Name, Shapes(model), metadata, file, problems, strict: false);
        if (problems.Count > 0)
        {
            throw new CheckpointException(path, string.Join("; ", problems), LoadRemedy);
        }

        CopyParameters(model, file);
    }

    internal static void Save(string path, ITrainingBackend backend, OptimizerKind kind, RandomSource random, TrainingPosition position, ITrainingTask task)
    {
        var tensors = new List<TensorEntry>(backend.SaveParameters());
        foreach (var state in backend.SaveOptimizerState())
        {
            tensors.Add(new TensorEntry(OptimizerPrefix + state.Name, state.Shape, state.Data));
        }

        tensors.AddRange(task.StateTensors());
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = Invariant(FormatVersion),
            ["model"] = backend.Info.Name,
            ["task"] = task.Kind,
            ["optimizer"] = Name(kind),
            ["batch_rows"] = Invariant(task.BatchRows),
            ["epoch"] = Invariant(position.Epoch),
            ["batch_in_epoch"] = Invariant(position.BatchInEpoch),
            ["global_step"] = Invariant(position.GlobalStep),
            ["optimizer_step"] = Invariant(backend.OptimizerStep),
            ["rng_state"] = Convert.ToBase64String(random.GetStateBytes()),
            ["epoch_rng_state"] = Convert.ToBase64String(position.EpochRandomState),
            ["epoch_seconds"] = position.EpochSeconds.ToString("R", CultureInfo.InvariantCulture),
        };
        position.EpochTally.Save(metadata, EpochTallyPrefix);
        metadata[WindowBatchesKey] = Invariant(position.WindowBatches);
        position.WindowTally.Save(metadata, WindowTallyPrefix);
        position.Controls.Save(metadata);
        metadata[TensorChecksum.MetadataKey] = TensorChecksum.Compute(tensors);
        metadata[MetadataChecksum.MetadataKey] = MetadataChecksum.Compute(metadata);
        SafeTensorsWriter.WriteFile(path, tensors, metadata);
    }

    /// <summary>Restores everything <see cref="Save"/> wrote, after checking that all of it fits this run.</summary>
    internal static void Load(string path, ITrainingBackend backend, OptimizerKind kind, RandomSource random, TrainingPosition position, ITrainingTask task)
    {
        var file = SafeTensorsReader.ReadFile(path);
        TensorChecksum.Verify(file, path);
        MetadataChecksum.Verify(file, path);
        var metadata = new CheckpointMetadata(file.Metadata, path);
        var problems = new List<string>();
        CheckModel(backend.Info.Name, Shapes(backend.SaveParameters()), metadata, file, problems, strict: true);
        Compare(metadata, "task", task.Kind, "a training run on {0} data, but this run trains on {1} data", problems);
        Compare(metadata, "optimizer", Name(kind), "the {0} optimizer's state, but this run uses {1}", problems);
        var batchInEpoch = metadata.Int("batch_in_epoch");
        CheckpointPositionChecks.AddProblems(metadata, task, backend.Info, problems);
        if (batchInEpoch > 0 && metadata.Int("batch_rows") != task.BatchRows)
        {
            problems.Add($"it stopped part-way through an epoch of batches of {metadata.Int("batch_rows")} rows, but this run's batches have {task.BatchRows}");
        }

        var optimizerState = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        foreach (var expected in backend.SaveOptimizerState())
        {
            if (Find(file, OptimizerPrefix + expected.Name, expected.Shape, problems) is { } entry)
            {
                optimizerState[expected.Name] = entry.Data;
            }
        }

        problems.AddRange(task.StateProblems(file));
        ThrowIfAny(metadata, problems);

        backend.LoadParameters(file);
        backend.LoadOptimizerState(optimizerState);
        task.LoadState(file);
        random.RestoreStateBytes(metadata.RandomState("rng_state"));
        position.EpochRandomState = metadata.RandomState("epoch_rng_state");
        position.Epoch = metadata.Int("epoch");
        position.BatchInEpoch = batchInEpoch;
        position.GlobalStep = metadata.Long("global_step");
        position.EpochSeconds = metadata.Double("epoch_seconds");
        position.EpochTally.Load(metadata, EpochTallyPrefix);
        // Checkpoints written before the window was saved resume with an empty one.
        position.WindowBatches = metadata.TryGet(WindowBatchesKey, out _) ? metadata.Int(WindowBatchesKey) : 0;
        if (position.WindowBatches > 0)
        {
            position.WindowTally.Load(metadata, WindowTallyPrefix);
        }
        else
        {
            position.WindowTally.Clear();
        }
        position.Controls.Load(metadata);
    }

    private static void CheckModel(string modelName, IReadOnlyList<(string Name, int[] Shape)> parameters, CheckpointMetadata metadata, SafeTensorsFile file, List<string> problems, bool strict)
    {
        if (strict)
        {
            if (!metadata.TryGet("format", out var format) || format != Format)
            {
                throw metadata.Invalid($"it is not a ThalNet training checkpoint (its metadata has no format '{Format}')");
            }

            if (metadata.Int("format_version") != FormatVersion)
            {
                throw new CheckpointException(metadata.Path, $"it has format version {metadata.String("format_version")}, but this runtime reads version {FormatVersion}", "Use the ThalNet version that wrote it.");
            }
        }

        // Plain parameter files (e.g. saved by PyTorch) carry no model name; training checkpoints always do.
        var writer = strict || metadata.TryGet("model", out _) ? metadata.String("model") : null;
        if (CheckpointParameters.Mismatch(modelName, parameters, file, writer) is { } mismatch)
        {
            problems.Add(mismatch);
        }
        else if (writer is not null)
        {
            Compare(metadata, "model", modelName, "model '{0}', but this run uses model '{1}'", problems);
        }
    }

    private static TensorEntry? Find(SafeTensorsFile file, string name, int[] shape, List<string> problems)
    {
        if (!file.TryGetTensor(name, out var entry))
        {
            problems.Add($"'{name}' is missing");
            return null;
        }

        if (!entry.Shape.AsSpan().SequenceEqual(shape))
        {
            problems.Add($"'{name}' has shape [{string.Join(", ", entry.Shape)}] but this run expects [{string.Join(", ", shape)}]");
            return null;
        }

        return entry;
    }

    private static void Compare(CheckpointMetadata metadata, string key, string expected, string format, List<string> problems)
    {
        var actual = metadata.String(key);
        if (actual != expected)
        {
            problems.Add("it holds " + string.Format(CultureInfo.InvariantCulture, format, actual, expected));
        }
    }

    private static void ThrowIfAny(CheckpointMetadata metadata, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw metadata.Invalid(string.Join("; ", problems));
        }
    }

    internal static void CopyParameters(SequenceModel model, SafeTensorsFile file)
    {
        foreach (var (name, p) in model.NamedParameters())
        {
            file[name].Data.Span.CopyTo(p.Data);
        }
    }

    private static List<(string Name, int[] Shape)> Shapes(SequenceModel model) => [.. model.NamedParameters().Select(p => (p.Key, Dims(p.Value.Shape)))];

    private static List<(string Name, int[] Shape)> Shapes(IReadOnlyList<TensorEntry> parameters) => [.. parameters.Select(p => (p.Name, p.Shape))];

    internal static TensorEntry Entry(string name, Tensor tensor) => new(name, Dims(tensor.Shape), tensor.Data.ToArray());

    private static int[] Dims(Shape shape) => CheckpointParameters.Dims(shape);

    private static string Name(OptimizerKind kind) => kind.ToString().ToLowerInvariant();

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
