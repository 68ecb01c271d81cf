using ThalNet.Runtime.Tests.Data;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>What every end-to-end test has: its log, a fresh working folder, and a runner of example programs in it.</summary>
public abstract class ExampleTest : IDisposable
{
    private protected ExampleTest(ITestOutputHelper log)
    {
        Log = log;
        Temp = new TempFolder();
        Runner = new ExampleRunner(log, Temp.Path);
    }

    private protected ITestOutputHelper Log { get; }

    private protected TempFolder Temp { get; }

    private protected ExampleRunner Runner { get; }

    /// <summary>Standard error as its one line; fails when there is more than one.</summary>
    private protected static string OneLine(ExampleRun run)
    {
        var text = run.StandardError.TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', text);
        return text;
    }

    /// <summary>A folder of MNIST files (uncompressed IDX) with <paramref name="train"/> and <paramref name="test"/> images, labels cycling 0-9.</summary>
    private protected string TinyMnist(int train, int test)
    {
        var folder = Temp.File("mnist");
        Directory.CreateDirectory(folder);
        DataFiles.WriteMnist(folder, "train", [.. Enumerable.Range(0, train).Select(i => (byte)(i % 10))], gzip: false);
        DataFiles.WriteMnist(folder, "t10k", [.. Enumerable.Range(0, test).Select(i => (byte)(i % 10))], gzip: false);
        return folder;
    }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
