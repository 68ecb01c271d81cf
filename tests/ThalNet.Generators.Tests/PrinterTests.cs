namespace ThalNet.Generators.Tests;

/// <summary>
/// The emitters only print the step plan: no catalog lookup and no switch over kinds while printing (those decisions
/// are the plan's), and the TorchSharp printer does not call the engine's emitters (shared pure text helpers live in
/// <c>Emit/Shared</c>).
/// </summary>
public class PrinterTests
{
    private static readonly string[] EngineEmitters =
        ["ModelEmitter", "StepCoreEmitter", "ModuleClassEmitter", "BatchEmitter", "SequenceEmitter", "DataSetEmitter", "StepTypesEmitter", "RuntimeTypes"];

    private static readonly string[] KindEnums = ["ReadingMechanism", "LayerKind", "Activation", "LossKind", "Recurrence"];

    [Fact]
    public void No_printer_reads_the_catalog()
    {
        foreach (var (path, text) in EmitFiles())
        {
            Assert.False(text.Contains("Catalog.", StringComparison.Ordinal), $"{path} reads the catalog while printing; decide it in StepPlanner.");
        }
    }

    [Fact]
    public void No_printer_switches_over_a_kind()
    {
        foreach (var (path, text) in EmitFiles())
        {
            foreach (var kind in KindEnums)
            {
                // A switch arm or a comparison with a kind's value: the plan, not the printer, decides by kind.
                Assert.DoesNotMatch($@"\b{kind}\.[A-Z]\w*\s*(=>|\)|:)|[=!]=\s*{kind}\.", text);
            }
        }
    }

    [Fact]
    public void The_TorchSharp_printer_does_not_call_the_engines_emitters()
    {
        var torch = EmitFiles().Where(f => f.Path.Contains($"{Path.DirectorySeparatorChar}TorchSharp{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(torch);
        foreach (var (path, text) in torch)
        {
            foreach (var emitter in EngineEmitters)
            {
                Assert.DoesNotMatch($@"\b{emitter}\.", text);
            }
        }
    }

    private static List<(string Path, string Text)> EmitFiles()
    {
        var emit = Path.Combine(RepositoryRoot(), "ThalNet.Generators", "Emit");
        var files = Directory.GetFiles(emit, "*.cs", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToList();
        Assert.NotEmpty(files);
        return files;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
    }
}
