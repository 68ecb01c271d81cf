namespace ThalNet.Specs;

/// <summary>One module with its resolved settings and shapes.</summary>
/// <param name="Name">The module's spec name (<c>vision</c>).</param>
/// <param name="CSharpName">Its PascalCase name in generated code (<c>Vision</c>).</param>
/// <param name="Role">Input, side or output module.</param>
/// <param name="CenterOffset">Where its features start in the center; they fill <c>[CenterOffset, CenterOffset + FeatureSize)</c>.</param>
/// <param name="FeatureSize">The last layer's size.</param>
/// <param name="Reading">How it reads its context from the previous center.</param>
/// <param name="ContextSize">Values it reads from the center per step and row.</param>
/// <param name="Inputs">Spec names of the task inputs it reads, in the order they are concatenated.</param>
/// <param name="InputWidth">Sum of its inputs' widths (0 for side and output modules).</param>
/// <param name="Layers">Its layer stack, first layer first.</param>
/// <param name="Outputs">Its task outputs (output modules only; empty otherwise).</param>
public sealed record ModuleLayout(
    string Name,
    string CSharpName,
    ModuleRole Role,
    int CenterOffset,
    int FeatureSize,
    ReadingMechanism Reading,
    int ContextSize,
    EquatableArray<string> Inputs,
    int InputWidth,
    EquatableArray<LayerLayout> Layers,
    EquatableArray<OutputLayout> Outputs)
{
    /// <summary>The first layer takes <c>[inputs; context]</c>: the task inputs first, then the context.</summary>
    public int FirstLayerInputSize => InputWidth + ContextSize;
}
