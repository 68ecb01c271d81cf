using System.IO;
using ThalNet.Runtime.Data;
using Xunit.Abstractions;

namespace ThalNet.Runtime.Tests.Data;

public class MnistReaderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_reads_images_and_labels_gzipped_or_raw(bool gzip)
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [7, 0, 9], gzip);

        var set = MnistReader.Load(folder.Path, DataSplit.Train);

        Assert.Equal(3, set.Count);
        Assert.Equal((28, 28, 1, 10), (set.Height, set.Width, set.Channels, set.Classes));
        Assert.Equal([7, 0, 9], set.Labels.ToArray());
        var pixels = DataFiles.MnistPixels(3);
        Assert.Equal(pixels.Length, set.Pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(pixels[i] / 255f, set.Pixels.Span[i]);
        }

        Assert.Equal(31 / 255f, set.Image(1)[0]);
    }

    [Fact]
    public void Compression_is_detected_by_content_not_name()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "t10k", [1, 2, 3], gzip: true);
        File.Move(folder.File("t10k-images-idx3-ubyte.gz"), folder.File("t10k-images-idx3-ubyte"));

        var set = MnistReader.Load(folder.Path, DataSplit.Test);

        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Missing_file_names_the_file_and_where_to_get_it()
    {
        using var folder = new TempFolder();

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Contains(folder.File("train-images-idx3-ubyte.gz"), ex.Message);
        Assert.Contains("file not found", ex.Message);
        Assert.Contains("--data", ex.Message);
        Assert.Contains("https://", ex.Message);
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), "thalnet-no-such-folder");

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(path, DataSplit.Test));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains("folder not found", ex.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_file_reports_expected_and_found_length(bool gzip)
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: false);
        var images = File.ReadAllBytes(folder.File("train-images-idx3-ubyte"))[..1000];
        File.Delete(folder.File("train-images-idx3-ubyte"));
        var path = folder.File(gzip ? "train-images-idx3-ubyte.gz" : "train-images-idx3-ubyte");
        File.WriteAllBytes(path, gzip ? DataFiles.Gzip(images) : images);

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains($"expected {16 + (3 * 784)} bytes", ex.Message);
        Assert.Contains("found 1000", ex.Message);
        Assert.Contains("truncated", ex.Message);
        Assert.Equal(gzip, ex.Message.Contains("after gzip decompression", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_gzip_stream_is_reported()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: true);
        var path = folder.File("train-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Equal(path, ex.FilePath);
        Assert.Matches("truncated|corrupt", ex.Problem);
        output.WriteLine(ex.Message);
    }

    [Fact]
    public void Bad_magic_number_is_reported()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: false);
        // A labels file where the images file should be.
        File.Copy(folder.File("train-labels-idx1-ubyte"), folder.File("train-images-idx3-ubyte"), overwrite: true);

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Contains("magic number is 2049, expected 2051", ex.Message);
    }

    [Fact]
    public void Label_and_image_count_mismatch_is_reported()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: false);
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), DataFiles.Idx([2], [1, 2]));

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Equal(folder.File("train-labels-idx1-ubyte"), ex.FilePath);
        Assert.Contains("2 labels", ex.Message);
        Assert.Contains("3 images", ex.Message);
    }

    [Fact]
    public void Wrong_image_size_is_reported()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), DataFiles.Idx([1, 2, 2], [0, 1, 2, 3]));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), DataFiles.Idx([1], [0]));

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Contains("2x2, expected 28x28", ex.Message);
    }

    [Fact]
    public void Label_outside_0_to_9_is_reported()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 12, 3], gzip: false);

        var ex = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Contains("label 12 of example 1", ex.Message);
    }
}
