using System.Globalization;
using Microsoft.CodeAnalysis;
using ThalNet.Generators.Tests.Fuzz;
using ThalNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The generator's guarantee as a property, over randomly mutated example specs: every spec either gets a THAL
/// error, located in its file, and no code; or gets code that compiles with no error and no warning. A fixed seed
/// keeps CI repeatable; THALNET_FUZZ_ITERATIONS and THALNET_FUZZ_SEED try more or other specs. Failures found this
/// way are kept as explicit cases in <see cref="GeneratedCodeGuaranteeTests"/>.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 3000;
    private const int DefaultSeed = 13;
    private const int BatchSize = 250;

    [Fact]
    public void Every_mutated_spec_gets_a_diagnostic_or_code_that_compiles_cleanly()
    {
        var iterations = Setting("THALNET_FUZZ_ITERATIONS", DefaultIterations);
        var seed = Setting("THALNET_FUZZ_SEED", DefaultSeed);
        var mutator = new SpecMutator(new Random(seed));
        var examples = TestSpecs.Names.Select(name => (Name: name, Text: TestSpecs.File(name).GetText()!.ToString())).ToList();
        var specs = Enumerable.Range(0, iterations).Select(i => (examples[i % examples.Count].Name, Text: mutator.Mutate(examples[i % examples.Count].Text))).ToArray();
        var compilation = GeneratorHarness.Compilation();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The generator runs are independent; the results are read in spec order, so the test stays deterministic.
        var results = new GeneratorResult[iterations];
        Parallel.For(0, iterations, i => results[i] = GeneratorHarness.Run(compilation, GeneratorHarness.Driver([GeneratorHarness.Yaml(specs[i].Name, specs[i].Text)])));

        var failures = new List<string>();
        var generated = new List<(int Key, string Source)>();
        var refusedBy = new Dictionary<string, int>();
        // Many mutations (a number in a comment, a dropped budget) give code generated before: compiled once.
        var distinct = new HashSet<string>();
        for (var i = 0; i < iterations; i++)
        {
            var result = results[i];
            if (Problem(result, specs[i].Name, specs[i].Text) is { } problem)
            {
                failures.Add(Report(i, specs[i].Text, problem));
            }
            else if (result.Sources.Count == 0)
            {
                var id = result.RunResult.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Id;
                refusedBy[id] = refusedBy.GetValueOrDefault(id) + 1;
            }
            else if (distinct.Add(result.Sources[0].SourceText.ToString()))
            {
                generated.Add((i, result.Sources[0].SourceText.ToString()));
            }
        }

        var generating = clock.Elapsed;
        foreach (var batch in generated.Chunk(BatchSize))
        {
            foreach (var (key, problems) in BatchCompiler.Problems(batch))
            {
                failures.Add(Report(key, key >= 0 ? specs[key].Text : "(no spec)", "the generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(5))));
            }
        }

        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Fuzz (seed {seed}): tried {iterations} mutated specs: {results.Count(r => r.Sources.Count > 0)} generated code ({generated.Count} distinct files, compiled, {generated.Sum(g => g.Source.Length) / Math.Max(1, generated.Count)} chars each), {refusedBy.Values.Sum()} got a THAL error (first errors: {string.Join(", ", refusedBy.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}), {failures.Count} failed; generating {generating.TotalSeconds:F1} s, compiling {(clock.Elapsed - generating).TotalSeconds:F1} s.");
        output.WriteLine(summary);
        // The test project's console logger shows stderr, so CI's output has the count too.
        Console.Error.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{failures.Count} of {iterations} specs broke the guarantee (seed {seed}); the first:\n\n" + string.Join("\n\n", failures.Take(5)));
        // Most mutations keep a spec valid, so the compiled half of the property is exercised too.
        Assert.InRange(generated.Count, iterations / 8, iterations);
    }

    /// <summary>What breaks the guarantee in one run, short of compiling its code; null when nothing does.</summary>
    private static string? Problem(GeneratorResult result, string path, string spec)
    {
        if (result.RunResult.Exception is { } exception)
        {
            return "the generator threw " + exception;
        }

        // CS8784/CS8785 are the driver's reports of a generator that threw.
        if (result.DriverDiagnostics.FirstOrDefault(d => !d.Id.StartsWith("THAL", StringComparison.Ordinal)) is { } driver)
        {
            return "the driver reported " + DiagnosticFormat.Line(driver);
        }

        var diagnostics = result.RunResult.Diagnostics;
        if (diagnostics.FirstOrDefault(d => d.Id == "THAL0034") is { } failure)
        {
            return "the generator failed: " + DiagnosticFormat.Line(failure);
        }

        if (diagnostics.FirstOrDefault(d => d.Location.GetLineSpan().Path != path || d.Location.SourceSpan.End > spec.Length) is { } misplaced)
        {
            return "a diagnostic is not located in the spec: " + DiagnosticFormat.Line(misplaced);
        }

        var hasError = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return (hasError, result.Sources.Count) switch
        {
            (true, > 0) => "code was generated despite an error: " + string.Join("; ", result.DiagnosticLines),
            (false, not 1) => $"no error, but {result.Sources.Count} generated files",
            _ => null,
        };
    }

    private static string Report(int index, string spec, string problem)
        => $"spec {index}: {problem}\n--- spec ---\n{(spec.Length > 3000 ? spec[..3000] + "..." : spec)}";

    private static int Setting(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
