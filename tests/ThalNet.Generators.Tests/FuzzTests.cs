using System.Globalization;
using Microsoft.CodeAnalysis;
using ThalNet.Generators.Tests.Fuzz;
using ThalNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ThalNet.Generators.Tests;

/// <summary>
/// The generator's guarantee as a property, over randomly mutated example specs, the same specs written as other
/// YAML documents (markers, anchors, merge keys, several documents) and attributed classes with members, constructors
/// and base types of their own: every spec either gets a THAL error, located in its file, and no code; or gets code
/// that compiles with no error and no warning. A fixed seed keeps CI repeatable; THALNET_FUZZ_ITERATIONS,
/// THALNET_FUZZ_YAML_DOCUMENTS, THALNET_FUZZ_ATTRIBUTE_CLASSES and THALNET_FUZZ_SEED try more or other cases. Failures found this
/// way are kept as explicit cases in <see cref="GeneratedCodeGuaranteeTests"/>.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 3000;
    private const int DefaultSeed = 13;
    private const int DefaultYamlDocuments = 600;
    private const int DefaultAttributeClasses = 300;
    private const int BatchSize = 250;

    [Fact]
    public void Every_mutated_spec_gets_a_diagnostic_or_code_that_compiles_cleanly()
    {
        var iterations = Setting("THALNET_FUZZ_ITERATIONS", DefaultIterations);
        var seed = Setting("THALNET_FUZZ_SEED", DefaultSeed);
        var mutator = new SpecMutator(new Random(seed));
        var examples = Examples();
        var specs = Enumerable.Range(0, iterations).Select(i => (examples[i % examples.Count].Name, Text: mutator.Mutate(examples[i % examples.Count].Text))).ToArray();

        var generated = CheckYamlSpecs($"Fuzz (seed {seed}): tried {iterations} mutated specs", seed, specs);

        // Most mutations keep a spec valid, so the compiled half of the property is exercised too.
        Assert.InRange(generated, iterations / 8, iterations);
    }

    [Fact]
    public void Every_spec_written_as_other_yaml_documents_gets_a_diagnostic_or_code_that_compiles_cleanly()
    {
        var iterations = Setting("THALNET_FUZZ_YAML_DOCUMENTS", DefaultYamlDocuments);
        var seed = Setting("THALNET_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var documents = new YamlDocumentMutator(random);
        var mutator = new SpecMutator(random);
        var examples = Examples();
        var specs = Enumerable.Range(0, iterations).Select(i =>
        {
            var text = examples[i % examples.Count].Text;
            return (examples[i % examples.Count].Name, Text: documents.Mutate(random.Next(3) == 0 ? mutator.Mutate(text) : text));
        }).ToArray();

        var generated = CheckYamlSpecs($"Fuzz YAML documents (seed {seed}): tried {iterations} specs with '---', '...', anchors, merge keys, several documents", seed, specs);

        Assert.InRange(generated, 1, iterations);
    }

    [Fact]
    public void Every_attributed_class_with_members_of_its_own_gets_a_diagnostic_or_code_that_compiles_cleanly()
    {
        var iterations = Setting("THALNET_FUZZ_ATTRIBUTE_CLASSES", DefaultAttributeClasses);
        var seed = Setting("THALNET_FUZZ_SEED", DefaultSeed);
        var maker = new AttributeClassMaker(new Random(seed));
        var sources = Enumerable.Range(0, iterations).Select(_ => maker.Make()).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcomes = new (string? Problem, string? RefusedBy)[iterations];
        Parallel.For(0, iterations, i =>
        {
            var result = GeneratorHarness.Run([], sources[i]);
            outcomes[i] = AttributeOutcome(result, sources[i]);
        });

        var failures = outcomes.Select((o, i) => o.Problem is { } problem ? Report(i, sources[i], problem) : null).OfType<string>().ToList();
        var refusedBy = outcomes.Where(o => o.Problem is null && o.RefusedBy is not null).GroupBy(o => o.RefusedBy!).ToDictionary(g => g.Key, g => g.Count());
        var compiled = outcomes.Count(o => o.Problem is null && o.RefusedBy is null);
        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"Fuzz attribute form (seed {seed}): tried {iterations} attributed classes with members, constructors, base types, nested and generic declarations: {compiled} generated code that added no error or warning, {refusedBy.Values.Sum()} got a THAL error (first errors: {FirstErrors(refusedBy)}), {failures.Count} failed; {clock.Elapsed.TotalSeconds:F1} s."));
        Assert.True(failures.Count == 0, $"{failures.Count} of {iterations} classes broke the guarantee (seed {seed}); the first:\n\n" + string.Join("\n\n", failures.Take(5)));
        Assert.InRange(compiled, iterations / 8, iterations);
        Assert.InRange(refusedBy.Values.Sum(), iterations / 8, iterations);
    }

    /// <summary>Generates every spec, compiles the distinct generated files, prints the counts and fails on any broken guarantee; returns how many generated code.</summary>
    private int CheckYamlSpecs(string title, int seed, (string Name, string Text)[] specs)
    {
        var iterations = specs.Length;
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

        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"{title}: {results.Count(r => r.Sources.Count > 0)} generated code ({generated.Count} distinct files, compiled, {generated.Sum(g => g.Source.Length) / Math.Max(1, generated.Count)} chars each), {refusedBy.Values.Sum()} got a THAL error (first errors: {FirstErrors(refusedBy)}), {failures.Count} failed; generating {generating.TotalSeconds:F1} s, compiling {(clock.Elapsed - generating).TotalSeconds:F1} s."));
        Assert.True(failures.Count == 0, $"{failures.Count} of {iterations} specs broke the guarantee (seed {seed}); the first:\n\n" + string.Join("\n\n", failures.Take(5)));
        return generated.Count;
    }

    /// <summary>
    /// The guarantee for one attributed class: a THAL error inside the user's file and no code, or code that adds no
    /// error and no warning to the user's compilation. Returns the problem, or the first error's id when refused.
    /// </summary>
    private static (string? Problem, string? RefusedBy) AttributeOutcome(GeneratorResult result, string source)
    {
        if (Problem(result, "Consumer0.cs", source) is { } problem)
        {
            return (problem, null);
        }

        if (result.Sources.Count == 0)
        {
            return (null, result.RunResult.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).Id);
        }

        // The user's own warnings (an undocumented public member) are theirs: only what the generated part adds counts.
        var before = DiagnosticFormat.Lines(result.Input.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)).ToHashSet();
        var problems = result.CompilationProblems().Where(line => !before.Contains(line)).ToArray();
        return problems.Length == 0 ? (null, null) : ("the generated part adds errors or warnings:\n" + string.Join("\n", problems.Take(5)), null);
    }

    private static List<(string Name, string Text)> Examples()
        => [.. TestSpecs.Names.Select(name => (Name: name, Text: TestSpecs.File(name).GetText()!.ToString()))];

    private static string FirstErrors(Dictionary<string, int> refusedBy)
        => string.Join(", ", refusedBy.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));

    /// <summary>To the test's output and to stderr, which the test project's console logger shows, so CI's log has the counts.</summary>
    private void Print(string summary)
    {
        output.WriteLine(summary);
        Console.Error.WriteLine(summary);
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
