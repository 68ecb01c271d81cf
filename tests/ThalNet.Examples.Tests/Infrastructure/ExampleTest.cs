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

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
