namespace ThalNet.Runtime.Training;

/// <summary>A <see cref="TrainerOptions"/> cannot train: its message lists every problem, each naming its property.</summary>
public sealed class TrainerOptionsException(IReadOnlyList<TrainerOptionProblem> problems)
    : ArgumentException(string.Join(" ", problems.Select(p => p.ToString())))
{
    /// <summary>Every problem found, each naming its property.</summary>
    public IReadOnlyList<TrainerOptionProblem> Problems { get; } = problems;
}
