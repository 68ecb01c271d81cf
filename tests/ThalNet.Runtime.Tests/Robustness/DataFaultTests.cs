using ThalNet.Runtime.Data;
using ThalNet.Runtime.Tests.Data;

namespace ThalNet.Runtime.Tests.Robustness;

/// <summary>Data file faults say what is really wrong, and a compressed file cannot make the reader take unbounded memory.</summary>
public sealed class DataFaultTests
{
    [Fact]
    public void A_folder_where_a_data_file_belongs_is_called_a_folder()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: true);
        File.Delete(folder.File("train-images-idx3-ubyte.gz"));
        Directory.CreateDirectory(folder.File("train-images-idx3-ubyte.gz"));
        Directory.CreateDirectory(folder.File("input.txt"));

        var mnist = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));
        var corpus = Assert.Throws<DatasetException>(() => ByteCorpus.Load(folder.File("input.txt")));

        Assert.Equal(folder.File("train-images-idx3-ubyte.gz"), mnist.FilePath);
        Assert.Equal("is a folder, but a file is expected here", mnist.Problem);
        Assert.Equal("is a folder, but a file is expected here", corpus.Problem);
    }

    [Fact]
    public void A_data_file_given_as_the_mnist_folder_is_called_a_file()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: true);
        var file = folder.File("train-images-idx3-ubyte.gz");

        var error = Assert.Throws<DatasetException>(() => MnistReader.Load(file, DataSplit.Train));

        Assert.Equal(file, error.FilePath);
        Assert.StartsWith("is a file, but the MNIST location must be the folder that holds train-images-idx3-ubyte(.gz)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_gzip_says_it_is_corrupt_not_that_its_method_is_unsupported()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: true);
        var path = folder.File("train-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        bytes[10] = 0b111; // the first deflate block header: final, of the reserved (invalid) type 3
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));

        Assert.Equal("the gzip data is corrupt and cannot be decompressed; the file was damaged in the download or on disk", error.Problem);
        Assert.DoesNotContain("unsupported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_size_its_trailer_promises()
    {
        using var folder = new TempFolder();
        var path = folder.File("input.txt");
        var bomb = DataFiles.Gzip(new byte[64 << 20]); // 64 MiB of zeros in about 64 KiB
        BitConverter.TryWriteBytes(bomb.AsSpan(bomb.Length - 4), 1000u); // its trailer promises 1000 bytes
        File.WriteAllBytes(path, bomb);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DatasetException>(() => ByteCorpus.Load(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("decompresses to more than the 1000 bytes its trailer records", error.Problem, StringComparison.Ordinal);
        Assert.True(allocated < 4 << 20, $"reading the bomb allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(true)] // a valid header for 10 images, then 64 MiB: the trailer is right, the header is not
    [InlineData(false)] // 64 MiB of zeros: magic number 0
    public void An_mnist_gzip_bomb_stops_at_its_header_before_decompressing(bool header)
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "train", [1, 2, 3], gzip: true);
        var path = folder.File("train-images-idx3-ubyte.gz");
        var content = new byte[64 << 20];
        if (header)
        {
            DataFiles.Idx([10, 28, 28], []).CopyTo(content, 0);
        }

        File.WriteAllBytes(path, DataFiles.Gzip(content));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Train));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(path, error.FilePath);
        Assert.Equal(
            header ? $"its gzip trailer records {64 << 20} bytes, more than the {16 + (10 * 784)} its header declares; the file is corrupt" : "magic number is 0, expected 2051 (IDX unsigned-byte images); the file is corrupt or not this kind of IDX file",
            error.Problem);
        Assert.True(allocated < 4 << 20, $"reading the bomb allocated {allocated} bytes");
    }

    [Fact]
    public void An_mnist_file_with_no_images_is_refused()
    {
        using var folder = new TempFolder();
        DataFiles.WriteMnist(folder.Path, "t10k", [], gzip: false);

        var error = Assert.Throws<DatasetException>(() => MnistReader.Load(folder.Path, DataSplit.Test));

        Assert.Equal(folder.File("t10k-images-idx3-ubyte"), error.FilePath);
        Assert.StartsWith("holds 0 images", error.Problem, StringComparison.Ordinal);
    }
}
