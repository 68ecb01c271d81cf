namespace ThalNet.Specs;

/// <summary>One output: the head that maps its module's last features to it, when it is due, and its loss.</summary>
/// <param name="Index">Its position in the model's outputs.</param>
/// <param name="Module">Its module's index in <see cref="StepPlan.Modules"/>.</param>
/// <param name="Name">The output's spec name.</param>
/// <param name="CSharpName">Its PascalCase member name.</param>
/// <param name="Path">Module and output name, the prefix of its parameters (<c>decision.digit</c>).</param>
/// <param name="FeatureSize">The width of its module's features, the head's input.</param>
/// <param name="Size">The output's width.</param>
/// <param name="Types">The head's type on each backend.</param>
/// <param name="At">When it is computed and trained: after every step, or after the last one only.</param>
/// <param name="Weight">How many times its loss counts in the total.</param>
/// <param name="Loss">The loss, by its catalog entry.</param>
/// <param name="Summary">What the output's values are, for its member's documentation.</param>
/// <param name="LossSummary">What its loss is, for the documentation of its loss member.</param>
/// <param name="TargetSummary">What its target holds and its shape, for the documentation of its target member.</param>
public sealed record HeadPlan(
    int Index,
    int Module,
    string Name,
    string CSharpName,
    string Path,
    int FeatureSize,
    int Size,
    BackendTypes Types,
    OutputTiming At,
    double Weight,
    LossPlan Loss,
    string Summary,
    string LossSummary,
    string TargetSummary);

/// <summary>A head's loss: the method implementing it on each backend's type, and what its targets are.</summary>
public sealed record LossPlan(LossKind Kind, BackendTypes Types, string Method, TargetKind Targets);
