namespace ThalNet.Examples.ModularFamily;

/// <summary>The seeds of one model on one task taken together: the final accuracies' mean, minimum and maximum, and the curves.</summary>
internal sealed record FamilyRuns(string Task, string Model, IReadOnlyList<FamilyResult> Runs)
{
    /// <summary>Epochs that every seed has.</summary>
    public int Epochs => Runs.Min(r => r.TestAccuracy.Length);

    public double FinalMean => Runs.Average(r => r.FinalAccuracy);

    public double FinalMin => Runs.Min(r => r.FinalAccuracy);

    public double FinalMax => Runs.Max(r => r.FinalAccuracy);

    /// <summary>Per epoch, the mean, minimum and maximum test accuracy over seeds.</summary>
    public IReadOnlyList<(double Mean, double Min, double Max)> Curve =>
        [.. Enumerable.Range(0, Epochs).Select(e => (Runs.Average(r => r.TestAccuracy[e]), Runs.Min(r => r.TestAccuracy[e]), Runs.Max(r => r.TestAccuracy[e])))];

    /// <summary>The runs grouped by task and model, tasks then models in the family's order.</summary>
    public static IReadOnlyList<FamilyRuns> Of(IEnumerable<FamilyResult> results) =>
        [.. results.GroupBy(r => (r.Task, r.Model))
            .Select(g => new FamilyRuns(g.Key.Task, g.Key.Model, [.. g.OrderBy(r => r.Seed)]))
            .OrderBy(c => (Order(FamilyTasks.Names, c.Task) * 10) + Order(FamilyModel.Names, c.Model))];

    private static int Order(IReadOnlyList<string> names, string name) => names.Contains(name) ? names.ToList().IndexOf(name) : names.Count;
}
