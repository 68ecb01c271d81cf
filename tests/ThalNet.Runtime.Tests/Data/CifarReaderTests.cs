using System.IO;
using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class CifarReaderTests
{
    [Fact]
    public void Test_split_interleaves_channels_per_pixel()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("test_batch.bin"), [.. DataFiles.CifarRecord(3, seed: 0), .. DataFiles.CifarRecord(9, seed: 5)]);

        var set = CifarReader.Load(folder.Path, DataSplit.Test);

        Assert.Equal(2, set.Count);
        Assert.Equal((32, 32, 3, 10), (set.Height, set.Width, set.Channels, set.Classes));
        Assert.Equal([3, 9], set.Labels.ToArray());
        var image = set.Image(1);
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(DataFiles.CifarValue(c, (y * 32) + x, seed: 5) / 255f, image[(((y * 32) + x) * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void Rows_are_32_steps_of_96_values_r_g_b_per_pixel()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("test_batch.bin"), DataFiles.CifarRecord(1, seed: 7));

        var sequences = ImageSequences.Rows(CifarReader.Load(folder.Path, DataSplit.Test));

        Assert.Equal((32, 96), (sequences.Steps, sequences.Features));
        var example = sequences.Sequence(0);
        // Step 2, value 4: pixel (y 2, x 1), green.
        Assert.Equal(DataFiles.CifarValue(1, (2 * 32) + 1, seed: 7) / 255f, example[(2 * 96) + 4]);
    }

    [Fact]
    public void Train_split_concatenates_five_batches_in_order_and_finds_the_extracted_folder()
    {
        using var folder = new TempFolder();
        var batches = Directory.CreateDirectory(folder.File(DatasetCatalog.CifarBatchFolder)).FullName;
        for (var i = 1; i <= 5; i++)
        {
            File.WriteAllBytes(Path.Combine(batches, $"data_batch_{i}.bin"), [.. DataFiles.CifarRecord((byte)i, seed: i), .. DataFiles.CifarRecord((byte)(i + 4), seed: i)]);
        }

        var set = CifarReader.Load(folder.Path, DataSplit.Train);

        Assert.Equal([1, 5, 2, 6, 3, 7, 4, 8, 5, 9], set.Labels.ToArray());
    }

    [Fact]
    public void Missing_batch_names_the_file()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("data_batch_1.bin"), DataFiles.CifarRecord(0, seed: 0));

        var ex = Assert.Throws<DatasetException>(() => CifarReader.Load(folder.Path, DataSplit.Train));

        Assert.Equal(folder.File("data_batch_2.bin"), ex.FilePath);
        Assert.Contains("cifar-10-binary.tar.gz", ex.Message);
    }

    [Fact]
    public void Truncated_batch_is_reported()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("test_batch.bin"), [.. DataFiles.CifarRecord(0, seed: 0), .. DataFiles.CifarRecord(1, seed: 0).Take(100)]);

        var ex = Assert.Throws<DatasetException>(() => CifarReader.Load(folder.Path, DataSplit.Test));

        Assert.Contains("found 3173 bytes", ex.Message);
        Assert.Contains("3073-byte records", ex.Message);
    }

    [Fact]
    public void Label_outside_0_to_9_is_reported()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("test_batch.bin"), [.. DataFiles.CifarRecord(0, seed: 0), .. DataFiles.CifarRecord(10, seed: 0)]);

        var ex = Assert.Throws<DatasetException>(() => CifarReader.Load(folder.Path, DataSplit.Test));

        Assert.Contains("label 10 of record 1", ex.Message);
    }
}
