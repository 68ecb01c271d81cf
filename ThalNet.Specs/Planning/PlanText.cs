using System.Globalization;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>The documentation text a plan carries: what each part is and the shapes it takes, from the catalog's words.</summary>
internal static class PlanText
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A weight as a C# float literal prints it, without the suffix (<c>0.5</c>).</summary>
    public static string Weight(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture);

    public static string Role(ModuleRole role) => SpecWords.Role.Word(role);

    /// <summary>As written in a spec: <c>ff 32 relu</c>, <c>gru 32</c>.</summary>
    public static string Layer(LayerLayout layer)
    {
        var text = SpecWords.LayerKind.Word(layer.Kind) + " " + Int(layer.OutputSize);
        return Catalog.Layer(layer.Kind).TakesActivation ? text + " " + SpecWords.Activation.Word(layer.Activation) : text;
    }

    public static string Model(ModelLayout model)
    {
        var modules = string.Join(", ", model.Modules.Select(m => $"{m.Name} ({Role(m.Role)})"));
        var substeps = model.Substeps == 1 ? "1 sub-step" : $"{Int(model.Substeps)} sub-steps";
        return $"ThalNet model of {Int(model.Modules.Count)} modules, {modules}, sharing a center of {Int(model.CenterSize)} values; " +
            $"{substeps} per input step; {model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters." +
            (AutoSize(model) is { } auto ? " " + auto : "");
    }

    public static string? AutoSize(ModelLayout model)
        => model.AutoSize is { } size
            ? $"Layers written 'auto' have size {Int(size)}, the largest that keeps the parameter count within the budget of {(model.Budget ?? 0).ToString("N0", CultureInfo.InvariantCulture)}."
            : null;

    public static string Module(ModuleLayout module)
    {
        var reads = module.Inputs.IsEmpty ? "" : "; reads " + string.Join(", ", module.Inputs);
        var layers = string.Join(", ", module.Layers.Select(Layer));
        return $"Module '{module.Name}' ({Role(module.Role)}{reads}): a {Catalog.Reading(module.Reading).Adjective} reader of a {Int(module.ContextSize)}-value context, " +
            $"then {layers}; its {Int(module.FeatureSize)} features fill the center at [{Int(module.CenterOffset)}, {Int(module.CenterOffset + module.FeatureSize)}).";
    }

    public static string Reader(ModelLayout model, ModuleLayout module)
    {
        var entry = Catalog.Reading(module.Reading);
        var condition = entry.ReadsOwnFeatures ? $", weighted by the module's previous features [B, {Int(module.FeatureSize)}]"
            : entry.HasNullSlot ? ", attending over every module's slice and a null slot"
            : "";
        return $"The {entry.Adjective} reader: context [B, {Int(module.ContextSize)}] from the previous center [B, {Int(model.CenterSize)}]{condition}.";
    }

    public static string LayerMember(ModuleLayout module, LayerLayout layer, bool first)
    {
        var input = first && module.InputWidth > 0
            ? $"[B, {Int(layer.InputSize)}] (inputs {Int(module.InputWidth)} then context {Int(module.ContextSize)})"
            : $"[B, {Int(layer.InputSize)}]";
        var member = string.Format(CultureInfo.InvariantCulture, Catalog.Layer(layer.Kind).MemberDoc, input, Int(layer.OutputSize), SpecWords.Activation.Word(layer.Activation));
        return $"Layer '{layer.Name}', {member}.";
    }

    public static string Output(ModuleLayout module, OutputLayout output)
        => $"Output '{output.Name}' of module '{module.Name}': {Catalog.Loss(output.Loss).HeadValues} [B, {Int(output.Size)}] of the module's features [B, {Int(module.FeatureSize)}], " +
            $"trained with {SpecWords.Loss.Word(output.Loss)} {(output.At == OutputTiming.Every ? "at every step" : "at the last step")}" +
            (output.Weight == 1.0 ? "." : $", weight {Weight(output.Weight)}.");

    public static string OutputLoss(ModuleLayout module, OutputLayout output)
    {
        var weight = output.Weight == 1.0 ? "" : $", counted {Weight(output.Weight)} times in the total";
        return $"Output '{output.Name}' of module '{module.Name}': its mean {SpecWords.Loss.Word(output.Loss)} {(output.At == OutputTiming.Every ? "over every step" : "at the last step")} (a scalar){weight}.";
    }

    /// <summary>The target's content and shape; the shape of class indices at every step is left as <c>{0}</c>, since backends hold them differently.</summary>
    public static string Target(ModuleLayout module, OutputLayout output) => Catalog.Loss(output.Loss).Targets switch
    {
        TargetKind.ClassIndices =>
            $"Target of output '{output.Name}' of module '{module.Name}': class indices in [0, {Int(output.Size)}), " +
                (output.At == OutputTiming.Every ? "{0}, time-major, one per step and sequence." : "[B], one per sequence, for the last step."),
        TargetKind.Dense =>
            $"Target of output '{output.Name}' of module '{module.Name}': dense values, " +
                (output.At == OutputTiming.Every ? $"[T, B, {Int(output.Size)}], one row per step and sequence." : $"[B, {Int(output.Size)}], one row per sequence, for the last step."),
        var other => throw new InvalidOperationException($"No target text is known for target kind {other} of output '{output.Name}'."),
    };

    public static string Input(InputLayout input)
        => input.Kind == InputKind.Tokens
            ? $"Input '{input.Name}': tokens one-hot over {Int(input.Width)} classes, [B, {Int(input.Width)}]."
            : $"Input '{input.Name}': dense values [B, {Int(input.Width)}].";
}
