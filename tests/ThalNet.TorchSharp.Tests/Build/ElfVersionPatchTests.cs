using System.Security.Cryptography;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ThalNet.TorchSharp.Tests.Build;

/// <summary>
/// The build step shipped in buildTransitive, on copies of the real libLibTorchSharp.so from the TorchSharp package:
/// the edit touches only the version flag and the symbol's version index, is idempotent, refuses a version that a
/// relocation needs, and never touches the original.
/// </summary>
public sealed class ElfVersionPatchTests : IDisposable
{
    private const string Missing = "GLIBCXX_3.4.32";
    private readonly string _folder = Directory.CreateTempSubdirectory("thalnet-elf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Weakens_the_missing_version_by_editing_two_bytes()
    {
        var copy = CopyOfPackageLibrary();
        var before = File.ReadAllBytes(copy);

        var outcome = ElfVersionPatch.Apply(copy, "libstdc++.so.6", name => name != Missing);

        Assert.True(outcome.Changed, outcome.Message);
        Assert.False(outcome.Refused);
        Assert.Equal($"made {Missing} weak and unbound 1 unused symbol(s) from it", outcome.Message);
        var after = File.ReadAllBytes(copy);
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        // The vernaux flags' low byte (0 -> VER_FLG_WEAK) and one .gnu.version entry's low byte (its index -> 1).
        Assert.Equal(2, changed.Count);
        Assert.Contains(changed, i => before[i] == 0 && after[i] == 2);
        Assert.Contains(changed, i => after[i] == 1);
        Assert.False(File.Exists(copy + ".thalnet-patch.tmp"));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var copy = CopyOfPackageLibrary();
        Assert.True(ElfVersionPatch.Apply(copy, "libstdc++.so.6", name => name != Missing).Changed);
        var once = File.ReadAllBytes(copy);

        var again = ElfVersionPatch.Apply(copy, "libstdc++.so.6", name => name != Missing);

        Assert.False(again.Changed);
        Assert.False(again.Refused);
        Assert.Equal($"already patched ({Missing} weak)", again.Message);
        Assert.Equal(once, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Nothing_to_do_when_every_version_is_available()
    {
        var copy = CopyOfPackageLibrary();
        var before = File.ReadAllBytes(copy);

        var outcome = ElfVersionPatch.Apply(copy, "libstdc++.so.6", _ => true);

        Assert.False(outcome.Changed);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Refuses_a_version_whose_symbols_are_relocated()
    {
        // GLIBCXX_3.4.30 binds std::condition_variable::wait, which the library really calls (a PLT relocation).
        var copy = CopyOfPackageLibrary();
        var before = File.ReadAllBytes(copy);

        var outcome = ElfVersionPatch.Apply(copy, "libstdc++.so.6", name => name != "GLIBCXX_3.4.30");

        Assert.True(outcome.Refused);
        Assert.False(outcome.Changed);
        Assert.Contains("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void Refuses_a_file_that_is_not_elf()
    {
        var path = Path.Combine(_folder, "not-elf.so");
        File.WriteAllBytes(path, new byte[128]);

        var outcome = ElfVersionPatch.Apply(path, "libstdc++.so.6", _ => false);

        Assert.True(outcome.Refused);
        Assert.Equal("not an ELF file", outcome.Message);
    }

    [Fact]
    public void The_build_task_patches_against_this_machines_libstdcxx_and_leaves_the_package_alone()
    {
        var libStdCxx = ElfVersionPatch.FindLibStdCxx();
        Assert.NotNull(libStdCxx);
        var lacksVersion = !ElfVersionPatch.VersionNames(File.ReadAllBytes(libStdCxx)).Contains(Missing);
        var package = PackageLibrary();
        var packageHash = SHA256.HashData(File.ReadAllBytes(package));
        var copy = CopyOfPackageLibrary();
        var engine = new RecordingBuildEngine();
        var task = new PatchLibTorchSharp { BuildEngine = engine, Files = [new TaskItem(copy)], LibStdCxx = libStdCxx };

        Assert.True(task.Execute());

        Assert.Equal(packageHash, SHA256.HashData(File.ReadAllBytes(package)));
        var message = Assert.Single(engine.Messages, m => m.StartsWith("ThalNet.TorchSharp: ", StringComparison.Ordinal));
        Assert.Empty(engine.Warnings);
        if (lacksVersion)
        {
            // This machine (Debian 12, CI): the copy is patched, in one high-importance message.
            Assert.Equal($"ThalNet.TorchSharp: made {Missing} weak and unbound 1 unused symbol(s) from it in {copy} ({libStdCxx} lacks them).", message);
            Assert.NotEqual(packageHash, SHA256.HashData(File.ReadAllBytes(copy)));
        }
        else
        {
            Assert.Equal(packageHash, SHA256.HashData(File.ReadAllBytes(copy)));
        }
    }

    private string CopyOfPackageLibrary()
    {
        var copy = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".so");
        File.Copy(PackageLibrary(), copy);
        return copy;
    }

    /// <summary>The unpatched library in the NuGet package folder (the build output's copy is already patched).</summary>
    private static string PackageLibrary()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"TorchSharp's native library is not at {path}; restore the test project first.");
        return path;
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<string> Messages { get; } = [];

        public List<string> Warnings { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Warnings.Add(e.Message ?? "");

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message ?? "");
    }
}
