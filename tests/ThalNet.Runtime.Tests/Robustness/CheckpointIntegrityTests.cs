using ThalNet.Runtime.IO;
using ThalNet.Runtime.Tests.Data;
using ThalNet.Runtime.Tests.Training;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>A damaged checkpoint is refused with its file's name instead of resuming silently from wrong numbers.</summary>
public sealed class CheckpointIntegrityTests
{
    private const string Weight = "m0.gru.weight_ih";

    [Theory]
    [InlineData(0)] // the lowest mantissa bit: a change of one part in ten million
    [InlineData(22)]
    [InlineData(30)] // an exponent bit: the weight becomes huge or tiny
    public void A_weight_with_one_flipped_bit_is_refused_naming_the_file(int bit)
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 3);
        CheckpointBytes.FlipBit(path, Weight, index: 5, bit);

        var resumed = Assert.Throws<CheckpointException>(() => Train(path, resume: true));
        var loaded = Assert.Throws<CheckpointException>(() => Checkpoint.LoadParameters(Classifier(new RandomSource(3)), path));

        foreach (var error in new[] { resumed, loaded })
        {
            Assert.Equal(path, error.FilePath);
            Assert.Contains($"Checkpoint '{path}' cannot be read: its tensors do not match the checksum", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_checksum_covers_every_tensor_and_a_file_without_one_still_loads()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        var trained = Train(path, cancelAtStep: 3);
        var file = SafeTensorsReader.ReadFile(path);
        var plain = folder.File("plain.safetensors");
        SafeTensorsWriter.WriteFile(plain, file.Tensors.Where(t => !t.Name.StartsWith("optimizer.", StringComparison.Ordinal)));
        var model = Classifier(new RandomSource(3));

        Checkpoint.LoadParameters(model, plain);

        Assert.Equal(TensorChecksum.Compute(file.Tensors), file.Metadata[TensorChecksum.MetadataKey]);
        Assert.Equal(64, file.Metadata[TensorChecksum.MetadataKey].Length);
        Assert.Equal(trained.ParameterBits, TrainingRun.Bits(model));
    }

    [Theory]
    [InlineData("batch_in_epoch", "-3", "'batch_in_epoch' = -3 is outside this run's epoch of 4 batches")]
    [InlineData("batch_in_epoch", "5", "'batch_in_epoch' = 5 is outside this run's epoch of 4 batches")]
    [InlineData("epoch", "-1", "'epoch' = -1 is negative")]
    [InlineData("global_step", "-7", "'global_step' = -7 is negative")]
    [InlineData("epoch_seconds", "NaN", "'epoch_seconds' = NaN is not a finite")]
    [InlineData("rng_state", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "'rng_state' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' is malformed")]
    [InlineData("epoch_rng_state", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "'epoch_rng_state' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' is malformed")]
    public void Resume_metadata_that_no_run_can_have_written_is_refused(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 2);
        CheckpointBytes.EditMetadata(path, m => m[key] = value);

        var error = Assert.Throws<CheckpointException>(() => Train(path, resume: true));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("epoch_train.label.correct", "3")]
    [InlineData("epoch_train.label.loss_sum", "NaN")]
    [InlineData("epoch_train.label.predictions", "1")]
    [InlineData("global_step", "3")]
    public void Metadata_edited_after_writing_is_refused_by_its_checksum(string key, string value)
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 2);
        CheckpointBytes.TamperMetadata(path, m => m[key] = value);

        var resumed = Assert.Throws<CheckpointException>(() => Train(path, resume: true));
        var loaded = Assert.Throws<CheckpointException>(() => Checkpoint.LoadParameters(Classifier(new RandomSource(3)), path));

        foreach (var error in new[] { resumed, loaded })
        {
            Assert.Contains($"Checkpoint '{path}' cannot be read: its metadata does not match the checksum in it ('metadata_sha256')", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("epoch_train.label.correct", "-1", "'epoch_train.label.correct' = -1 is outside 0 to its")]
    [InlineData("epoch_train.label.correct", "1000000", "'epoch_train.label.correct' = 1000000 is outside 0 to its")]
    [InlineData("epoch_train.label.predictions", "-5", "'epoch_train.label.predictions' = -5 is negative")]
    [InlineData("epoch_train.label.loss_sum", "NaN", "'epoch_train.label.loss_sum' = NaN is not finite")]
    [InlineData("epoch_train.label.loss_sum", "Infinity", "'epoch_train.label.loss_sum' = Infinity is not finite")]
    public void Epoch_counters_out_of_range_are_refused(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 2);
        CheckpointBytes.EditMetadata(path, m => m[key] = value);

        var error = Assert.Throws<CheckpointException>(() => Train(path, resume: true));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_without_the_metadata_checksum_still_resumes()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 2);
        CheckpointBytes.TamperMetadata(path, m => m.Remove(MetadataChecksum.MetadataKey));

        var resumed = Train(path, resume: true);

        Assert.False(resumed.Result.Interrupted);
    }

    [Fact]
    public void A_checkpoint_interrupted_after_the_last_batch_of_its_epoch_still_resumes()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        Train(path, cancelAtStep: 4);

        var resumed = Train(path, resume: true);

        Assert.Empty(resumed.Losses);
        Assert.Equal(4, resumed.Result.GlobalStep);
    }

    [Fact]
    public void A_folder_or_an_unreadable_file_as_checkpoint_is_one_clean_error()
    {
        using var folder = new TempFolder();

        var asFolder = Assert.Throws<CheckpointException>(() => Checkpoint.LoadParameters(Classifier(new RandomSource(1)), folder.Path));

        Assert.Contains("it is a folder, not a file", asFolder.Message, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            var locked = folder.File("locked.safetensors");
            Train(locked, cancelAtStep: 1);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            var unreadable = Assert.Throws<CheckpointException>(() => Checkpoint.LoadParameters(Classifier(new RandomSource(1)), locked));
            Assert.Contains($"Checkpoint '{locked}' cannot be read: the file cannot be opened", unreadable.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Temporary_files_of_interrupted_writes_are_removed_when_training_starts()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.safetensors");
        var stale = folder.File($".run.safetensors.{Guid.NewGuid():N}.tmp");
        var unrelated = folder.File($".other.safetensors.{Guid.NewGuid():N}.tmp");
        var notOurs = folder.File(".run.safetensors.notes.tmp");
        foreach (var file in new[] { stale, unrelated, notOurs })
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }

        Train(path, cancelAtStep: 1);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(unrelated));
        Assert.True(File.Exists(notOurs));
    }

    internal static TinyThalNet Classifier(RandomSource random) => TinyThalNet.Classifier(random, TrainingData.Features, TrainingData.Classes);

    /// <summary>One epoch of 4 batches of 16 on 64 examples, writing the checkpoint at <paramref name="path"/>.</summary>
    private static TrainingRun Train(string path, long cancelAtStep = -1, bool resume = false)
    {
        var train = TrainingData.Noisy(64, seed: 21);
        var options = TrainingData.Options() with { Epochs = 1, CheckpointPath = path, Resume = resume };
        return TrainingRun.Of(Classifier, options, (t, c) => t.Fit(train, null, c), cancelAtStep);
    }
}
