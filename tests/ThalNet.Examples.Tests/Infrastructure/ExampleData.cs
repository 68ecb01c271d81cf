using ThalNet.Runtime.Tests.Data;

namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>The real data sets of ../shared/data; a test without its data says so and passes.</summary>
internal static class ExampleData
{
    public const string Mnist = "mnist-8k2k";

    public const string Shakespeare = "tinyshakespeare";

    /// <summary>The folder of data set <paramref name="name"/>, or null after writing a SKIPPED note to <paramref name="log"/>.</summary>
    public static string? Find(string name, ITestOutputHelper log)
    {
        var folder = SharedData.Find(name);
        if (folder is null)
        {
            log.WriteLine($"SKIPPED: {name} not found; set {SharedData.Variable} to the shared data folder (the one holding {name}/), "
                + "or put it at shared/data beside the repository, to run this test.");
        }

        return folder;
    }
}
