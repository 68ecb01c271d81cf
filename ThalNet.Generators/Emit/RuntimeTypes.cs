namespace ThalNet.Generators.Emit;

/// <summary>Fully qualified names of what generated code uses from ThalNet.Runtime and the BCL; readers, layers and heads come from the plan.</summary>
internal static class RuntimeTypes
{
    public const string Tape = "global::ThalNet.Runtime.Tape";
    public const string Tensor = "global::ThalNet.Runtime.Tensor";
    public const string Shape = "global::ThalNet.Runtime.Shape";
    public const string RandomSource = "global::ThalNet.Runtime.RandomSource";
    public const string ActivationEnum = "global::ThalNet.Specs.Activation";

    public const string Model = "global::ThalNet.Runtime.Models.ThalNetModel";
    public const string ModelInfo = "global::ThalNet.Runtime.Models.ModelInfo";
    public const string InputInfo = "global::ThalNet.Runtime.Models.InputInfo";
    public const string ModuleInfo = "global::ThalNet.Runtime.Models.ModuleInfo";
    public const string OutputInfo = "global::ThalNet.Runtime.Models.OutputInfo";
    public const string ModelState = "global::ThalNet.Runtime.Models.ModelState";
    public const string SequenceBatch = "global::ThalNet.Runtime.Models.SequenceBatch";
    public const string LossResult = "global::ThalNet.Runtime.Models.LossResult";
    public const string InputChecks = "global::ThalNet.Runtime.Models.InputChecks";

    public const string Module = "global::ThalNet.Runtime.Nn.Module";
    public const string Reader = "global::ThalNet.Runtime.Nn.Reader";
    public const string StaticReadGroup = "global::ThalNet.Runtime.Nn.StaticReadGroup";

    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string ArgumentExceptionType = "global::System.ArgumentException";
    public const string ArgumentOutOfRangeExceptionType = "global::System.ArgumentOutOfRangeException";
    public const string ArgumentNullExceptionType = "global::System.ArgumentNullException";
}
