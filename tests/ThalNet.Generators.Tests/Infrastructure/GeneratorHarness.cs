using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ThalNet.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ThalNetGenerator"/> the way the compiler does: over a compilation that references the .NET
/// libraries, ThalNet.Runtime and ThalNet.Specs (or all but ThalNet.Runtime; or with ThalNet.TorchSharp and TorchSharp
/// too), with in-memory spec files and C# sources.
/// </summary>
internal static class GeneratorHarness
{
    public const string RootNamespace = "Consumer.App";

    /// <summary>Documentation comments are checked, so a public generated member without one is a warning (CS1591).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<MetadataReference> RuntimeReference =
        new(() => MetadataReference.CreateFromFile(typeof(ThalNet.Runtime.Models.ThalNetModel).Assembly.Location));

    private static readonly Lazy<MetadataReference[]> TorchSharpReferences = new(() =>
    [
        MetadataReference.CreateFromFile(typeof(ThalNet.TorchSharp.Models.TorchThalNetModel).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location),
    ]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return
        [
            .. Directory.GetFiles(framework, "*.dll").Where(IsManagedAssembly).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            RuntimeReference.Value,
            MetadataReference.CreateFromFile(typeof(ThalNet.ThalNetModelAttribute).Assembly.Location),
        ];
    });

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"Consumer{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    /// <summary>A project that forgot ThalNet.Runtime: ThalNet.Specs (the attributes) and the .NET libraries only.</summary>
    public static CSharpCompilation CompilationWithoutRuntime(params string[] sources)
        => Compilation(sources).RemoveReferences(RuntimeReference.Value);

    /// <summary>A project that references both runtimes: the engine and ThalNet.TorchSharp (with TorchSharp).</summary>
    public static CSharpCompilation CompilationWithTorchSharp(params string[] sources)
        => Compilation(sources).AddReferences(TorchSharpReferences.Value);

    /// <summary>A project on TorchSharp alone: ThalNet.TorchSharp and TorchSharp, no ThalNet.Runtime.</summary>
    public static CSharpCompilation CompilationWithTorchSharpOnly(params string[] sources)
        => CompilationWithoutRuntime(sources).AddReferences(TorchSharpReferences.Value);

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, string rootNamespace = RootNamespace)
        => CSharpGeneratorDriver.Create(
            [new ThalNetGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            new TestOptionsProvider(rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(IEnumerable<AdditionalText> files, params string[] sources)
        => Run(Compilation(sources), Driver(files));

    public static GeneratorResult Run(CSharpCompilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorResult(driver, compilation, output, driverDiagnostics);
    }

    public static AdditionalText Yaml(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>The shared framework folder holds a few native libraries beside the assemblies.</summary>
    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

/// <summary>One generator run: the driver (for a second run), its inputs and outputs.</summary>
internal sealed record GeneratorResult(GeneratorDriver Driver, Compilation Input, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult RunResult => Driver.GetRunResult().Results.Single();

    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.GeneratedSources;

    /// <summary>The generator's diagnostics, as <c>ID severity file(l,c): message</c>.</summary>
    public string[] DiagnosticLines => DiagnosticFormat.Lines(RunResult.Diagnostics);

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors and warnings of the compilation with the generated code (the generator's own diagnostics aside).</summary>
    public string[] CompilationProblems()
        => DiagnosticFormat.Lines(Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

    /// <summary>Fails listing every error and warning of the compilation with the generated code.</summary>
    public void AssertCompilesCleanly()
    {
        var problems = CompilationProblems();
        Assert.True(problems.Length == 0, "The output compilation has problems:\n" + string.Join("\n", problems));
    }
}
