namespace ThalNet.Runtime;

/// <summary>
/// The modules one worker runs when the modules of every sub-step are split across threads
/// (<see cref="Parallel.DataParallel{TModel}"/> with the plan <see cref="Parallel.ParallelPlan.Modules"/>; made by
/// <see cref="Parallel.ModuleGroups"/>). The modules of a sub-step depend on
/// each other only through the center, so each worker runs its modules on the whole batch and the workers meet where
/// the new center is joined (<see cref="Tape.JoinCenter"/>): forward to share their modules' features, backward to
/// hand each module the gradient the other workers' readers sent it. Set on a worker's tape (<see cref="Tape.Group"/>).
/// </summary>
internal sealed class ModuleGroup
{
    private readonly bool[] _runs;
    private readonly bool[] _runsOutput;
    private readonly HashSet<object> _parts;
    private int _joins;

    internal ModuleGroup(ModuleExchange exchange, int index, bool[] runs, bool[] runsOutput, IEnumerable<object> parts)
    {
        Exchange = exchange;
        Index = index;
        _runs = runs;
        _runsOutput = runsOutput;
        _parts = [.. parts];
    }

    /// <summary>The worker this group belongs to.</summary>
    public int Index { get; }

    internal ModuleExchange Exchange { get; }

    /// <summary>Whether this worker runs module <paramref name="module"/> (in center order).</summary>
    public bool Runs(int module) => _runs[module];

    /// <summary>Whether this worker computes output <paramref name="output"/> (in <see cref="Models.SequenceInfo.Outputs"/> order).</summary>
    public bool RunsOutput(int output) => _runsOutput[output];

    /// <summary>Whether <paramref name="part"/> (a reader, say) belongs to one of this worker's modules.</summary>
    public bool RunsPart(object part) => _parts.Contains(part);

    /// <summary>Index of this pass's next join; every worker joins the same centers in the same order.</summary>
    internal int NextJoin() => _joins++;

    internal void StartPass() => _joins = 0;
}
