using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Parallel;

/// <summary>Chooses how a training step's workers share a batch.</summary>
public static class ParallelPlans
{
    /// <summary>Below this many rows per worker the modules are split instead of the rows.</summary>
    public const int FewRows = 16;

    /// <summary>
    /// <see cref="ParallelPlan.Modules"/> for a ThalNet model that can split its modules
    /// (<see cref="ThalNetModel.RunsModuleGroups"/>) and has at least <paramref name="workers"/> (> 1) of them
    /// whose batch would leave a worker fewer than <see cref="FewRows"/> rows, else <see cref="ParallelPlan.Data"/>.
    /// Measured on 2 cores (train-step --compare other-parallel-plan): the byte-level language model at 10 rows per
    /// batch took 0.92-0.97 of the time with its modules split; sequential MNIST at 50 rows 0.94-0.98, within the
    /// machine's noise, so it keeps its rows split, which also keeps scaling past the number of modules.
    /// </summary>
    public static ParallelPlan Choose(SequenceModel model, int workers, int batchRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        return workers > 1 && model is ThalNetModel { RunsModuleGroups: true } thalNet && thalNet.Info.Modules.Count >= workers && batchRows < FewRows * workers
            ? ParallelPlan.Modules
            : ParallelPlan.Data;
    }
}
