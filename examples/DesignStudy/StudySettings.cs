namespace ThalNet.Examples.DesignStudy;

/// <summary>What the study is told on its command line.</summary>
/// <param name="Only">Configurations to run, as <c>design/reading</c>; empty runs all.</param>
/// <param name="Output">Folder for the results log, the figures and the table.</param>
internal sealed record StudySettings(string DataDirectory, int Epochs, int Seeds, ulong FirstSeed, IReadOnlyList<string> Only, int? MaxBatches, int? MaxEvaluationBatches, int Workers, string Output)
{
    /// <summary>Train nothing; report the logged runs of these settings.</summary>
    public bool ReportOnly { get; init; }

    /// <summary><c>--backend</c>: <c>engine</c> or <c>torchsharp</c>; <see cref="Workers"/> are libtorch's threads with the latter.</summary>
    public string Backend { get; init; } = BackendOptions.Engine;

    /// <summary><c>--device</c> for the TorchSharp backend: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    public string ResultsPath => Path.Combine(Output, "results.jsonl");

    public IEnumerable<ulong> SeedList => Enumerable.Range(0, Seeds).Select(i => FirstSeed + (ulong)i);

    public IReadOnlyList<StudyConfiguration> Configurations => Only.Count == 0 ? StudyConfiguration.All : [.. StudyConfiguration.All.Where(c => Only.Contains(c.Name))];

    /// <summary>Whether the GRU baseline runs too: always in a full study, with <c>--only</c> when it names <see cref="StudyBaseline.Name"/>.</summary>
    public bool IncludesBaseline => Only.Count == 0 || Only.Contains(StudyBaseline.Name);

    /// <summary>
    /// Whether a logged result was trained the way this run trains (on the same backend; the baseline always trains
    /// on the engine), so it counts as done.
    /// </summary>
    public bool Matches(StudyResult result) =>
        result.Epochs == Epochs && result.MaxBatches == MaxBatches && result.Backend == (result.Design == StudyBaseline.Design ? BackendOptions.Engine : Backend);
}
