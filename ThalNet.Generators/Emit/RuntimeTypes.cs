namespace ThalNet.Generators.Emit;

/// <summary>Fully qualified names of what generated code uses from ThalNet.Runtime and the BCL.</summary>
internal static class RuntimeTypes
{
    public const string Tape = "global::ThalNet.Runtime.Tape";
    public const string Tensor = "global::ThalNet.Runtime.Tensor";
    public const string Shape = "global::ThalNet.Runtime.Shape";
    public const string RandomSource = "global::ThalNet.Runtime.RandomSource";
    public const string ActivationEnum = "global::ThalNet.Runtime.Activation";

    public const string Model = "global::ThalNet.Runtime.Models.ThalNetModel";
    public const string ModelInfo = "global::ThalNet.Runtime.Models.ModelInfo";
    public const string InputInfo = "global::ThalNet.Runtime.Models.InputInfo";
    public const string ModuleInfo = "global::ThalNet.Runtime.Models.ModuleInfo";
    public const string OutputInfo = "global::ThalNet.Runtime.Models.OutputInfo";
    public const string ModuleRoleEnum = "global::ThalNet.Runtime.Models.ModuleRole";
    public const string ReadingEnum = "global::ThalNet.Runtime.Models.ReadingMechanism";
    public const string LossEnum = "global::ThalNet.Runtime.Models.LossKind";
    public const string ModelState = "global::ThalNet.Runtime.Models.ModelState";
    public const string SequenceBatch = "global::ThalNet.Runtime.Models.SequenceBatch";
    public const string LossResult = "global::ThalNet.Runtime.Models.LossResult";
    public const string InputChecks = "global::ThalNet.Runtime.Models.InputChecks";

    public const string Module = "global::ThalNet.Runtime.Nn.Module";
    public const string Reader = "global::ThalNet.Runtime.Nn.Reader";
    public const string StaticReadGroup = "global::ThalNet.Runtime.Nn.StaticReadGroup";
    public const string FeedForward = "global::ThalNet.Runtime.Nn.FeedForward";
    public const string GruCell = "global::ThalNet.Runtime.Nn.GruCell";
    public const string Linear = "global::ThalNet.Runtime.Nn.Linear";

    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string ArgumentExceptionType = "global::System.ArgumentException";
    public const string ArgumentOutOfRangeExceptionType = "global::System.ArgumentOutOfRangeException";
    public const string ArgumentNullExceptionType = "global::System.ArgumentNullException";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";

    public static string ReaderClass(ReadingMechanism reading) => "global::ThalNet.Runtime.Nn." + reading switch
    {
        ReadingMechanism.Linear => "LinearReader",
        ReadingMechanism.WeightNorm => "WeightNormReader",
        ReadingMechanism.FastSoftmax => "FastSoftmaxReader",
        _ => "FastGaussianReader",
    };

    /// <summary>The fast readers weigh the center by the module's own previous features.</summary>
    public static bool IsFast(ReadingMechanism reading) => reading is ReadingMechanism.FastSoftmax or ReadingMechanism.FastGaussian;
}
