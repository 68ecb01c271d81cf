using ThalNet.Runtime.IO;

namespace ThalNet.Runtime.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("thalnet-atomic-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private string[] FileNames() => _folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Checkpoint_file_is_replaced_and_no_temporary_file_remains()
    {
        var path = PathOf("model.safetensors");
        SafeTensorsWriter.WriteFile(path, [new TensorEntry("w", [1], new[] { 1f })]);
        SafeTensorsWriter.WriteFile(path, [new TensorEntry("w", [2], new[] { 2f, 3f })], new Dictionary<string, string> { ["step"] = "2" });

        var file = SafeTensorsReader.ReadFile(path);
        Assert.Equal([2f, 3f], file["w"].Data.ToArray());
        Assert.Equal("2", file.Metadata["step"]);
        Assert.Equal(["model.safetensors"], FileNames());
    }

    [Fact]
    public void Content_goes_to_a_temporary_file_in_the_same_folder_first()
    {
        var path = PathOf("report.html");
        string[] during = [];
        AtomicFile.Write(path, stream =>
        {
            stream.Write("new"u8);
            during = FileNames();
        });

        Assert.Single(during);
        Assert.EndsWith(".tmp", during[0]);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["report.html"], FileNames());
    }

    [Fact]
    public void Failure_mid_write_keeps_the_old_file_and_removes_the_temporary_file()
    {
        var path = PathOf("model.safetensors");
        File.WriteAllText(path, "old checkpoint");

        var error = Assert.Throws<OutputWriteException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new IOException("disk full");
        }));

        Assert.Equal($"cannot write '{path}': disk full; the file there is unchanged", error.Message);

        Assert.Equal("old checkpoint", File.ReadAllText(path));
        Assert.Equal(["model.safetensors"], FileNames());
    }

    [Fact]
    public void Checkpoint_writer_that_throws_keeps_the_old_checkpoint()
    {
        var path = PathOf("model.safetensors");
        SafeTensorsWriter.WriteFile(path, [new TensorEntry("w", [1], new[] { 1f })]);
        var before = File.ReadAllBytes(path);

        Assert.Throws<ArgumentException>(() => SafeTensorsWriter.WriteFile(
            path, [new TensorEntry("w", [1], new[] { 1f }), new TensorEntry("w", [1], new[] { 2f })]));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.safetensors"], FileNames());
    }
}
