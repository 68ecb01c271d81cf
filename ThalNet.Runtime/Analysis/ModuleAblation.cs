using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Analysis;

/// <summary>The model's metrics on the analysis data with module <paramref name="Module"/>'s slice of the center zeroed.</summary>
public sealed record ModuleAblation(string Module, EvaluationResult Result);
