using System.Runtime.CompilerServices;

namespace ThalNet.Generators.Tests.Infrastructure;

/// <summary>
/// Baselines of generated code, one <c>Snapshots/{test}/{hintName}.verified.txt</c> per generated file (the
/// <c>.txt</c> suffix keeps them out of the build). A mismatch writes <c>.received.txt</c> beside it and fails;
/// <c>THALNET_ACCEPT_SNAPSHOTS=1</c> accepts what was received and removes baselines no file has any more.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "THALNET_ACCEPT_SNAPSHOTS";

    public static void Verify(string test, IEnumerable<(string HintName, string Text)> files, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(ProjectFolder(caller), "Snapshots", test);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        Directory.CreateDirectory(folder);
        var generated = files.ToList();
        var problems = new List<string>();
        foreach (var (hintName, text) in generated)
        {
            var verified = Path.Combine(folder, hintName + ".verified.txt");
            var received = Path.Combine(folder, hintName + ".received.txt");
            if (File.Exists(verified) && File.ReadAllText(verified) == text)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, text);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, text);
            problems.Add(File.Exists(verified)
                ? $"{hintName} differs from its baseline: diff \"{verified}\" \"{received}\""
                : $"{hintName} has no baseline yet; see \"{received}\"");
        }

        var expected = generated.Select(f => f.HintName + ".verified.txt").ToHashSet();
        foreach (var stale in Directory.GetFiles(folder, "*.verified.txt").Where(f => !expected.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                problems.Add($"{Path.GetFileName(stale)} is a baseline of no generated file");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + $"\nIf the change is intended, run the tests with {AcceptVariable}=1.");
    }

    /// <summary>The test project's folder: above this source file, or above the test binaries when paths were mapped (CI builds).</summary>
    private static string ProjectFolder(string callerFile)
        => FolderAbove(Path.GetDirectoryName(callerFile))
            ?? FolderAbove(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No ThalNet.Generators.Tests.csproj above {callerFile} or {AppContext.BaseDirectory}.");

    private static string? FolderAbove(string? folder)
    {
        while (folder is not null && !File.Exists(Path.Combine(folder, "ThalNet.Generators.Tests.csproj")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder;
    }
}
