namespace ThalNet.Runtime.Parallel;

/// <summary>How <see cref="DataParallel{TModel}"/> spreads a batch over its workers.</summary>
public enum ParallelPlan
{
    /// <summary>Each worker runs the whole model on its share of the rows, with its own replica and gradients.</summary>
    Data,

    /// <summary>
    /// Each worker runs its share of a ThalNet model's modules on all rows (<see cref="ModuleGroup"/>); the workers
    /// meet at every sub-step's center. Products keep every row of the batch and each worker streams only its
    /// modules' weights, which pays at the few rows of a language model's batch.
    /// </summary>
    Modules,
}
