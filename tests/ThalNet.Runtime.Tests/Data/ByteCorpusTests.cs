using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ThalNet.Runtime.Data;

namespace ThalNet.Runtime.Tests.Data;

public class ByteCorpusTests
{
    [Theory]
    [InlineData(100, 90, 5, 5)]
    [InlineData(20, 18, 1, 1)]
    [InlineData(1_115_394, 1_003_854, 55_769, 55_771)]
    [InlineData(7, 6, 0, 1)]
    public void Split_is_90_5_5_contiguous(int length, int train, int validation, int test)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var corpus = new ByteCorpus(bytes);

        Assert.Equal((train, validation, test), (corpus.Train.Length, corpus.Validation.Length, corpus.Test.Length));
        Assert.Equal(bytes, corpus.Train.ToArray().Concat(corpus.Validation.ToArray()).Concat(corpus.Test.ToArray()));
    }

    [Fact]
    public void Fractions_are_configurable_and_checked()
    {
        var corpus = new ByteCorpus(new byte[10], trainFraction: 0.5, validationFraction: 0.5);

        Assert.Equal((5, 5, 0), (corpus.Train.Length, corpus.Validation.Length, corpus.Test.Length));
        Assert.Throws<ArgumentException>(() => new ByteCorpus(new byte[10], 0.9, 0.2));
        Assert.Throws<ArgumentException>(() => new ByteCorpus(new byte[10], 0, 0.1));
    }

    [Fact]
    public void Load_reads_plain_gzip_and_single_file_zip()
    {
        using var folder = new TempFolder();
        var text = "hello, byte-level world\n"u8.ToArray();
        File.WriteAllBytes(folder.File("plain.txt"), text);
        File.WriteAllBytes(folder.File("text.gz"), DataFiles.Gzip(text));
        using (var zip = ZipFile.Open(folder.File("text8.zip"), ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("text8").Open();
            entry.Write(text);
        }

        Assert.Equal(text, ByteCorpus.Load(folder.File("plain.txt")).All.ToArray());
        Assert.Equal(text, ByteCorpus.Load(folder.File("text.gz")).All.ToArray());
        Assert.Equal(text, ByteCorpus.Load(folder.File("text8.zip")).All.ToArray());
    }

    [Fact]
    public void Truncated_gzip_is_reported()
    {
        using var folder = new TempFolder();
        var gzip = DataFiles.Gzip(Enumerable.Range(0, 5000).Select(i => (byte)(i * i)).ToArray());
        File.WriteAllBytes(folder.File("cut.gz"), gzip[..(gzip.Length - 10)]);

        var ex = Assert.Throws<DatasetException>(() => ByteCorpus.Load(folder.File("cut.gz")));

        Assert.Equal(folder.File("cut.gz"), ex.FilePath);
        Assert.Contains("truncated", ex.Problem);
    }

    [Fact]
    public void Missing_or_empty_file_is_reported()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("empty.txt"), []);

        var missing = Assert.Throws<DatasetException>(() => ByteCorpus.Load(folder.File("none.txt")));
        var empty = Assert.Throws<DatasetException>(() => ByteCorpus.Load(folder.File("empty.txt")));

        Assert.Contains("none.txt: file not found", missing.Message);
        Assert.Contains("text8.zip", missing.Message);
        Assert.Contains("empty", empty.Message);
    }
}
