using System.Globalization;

namespace ThalNet.Generators.Emit;

/// <summary>The words of the generated XML documentation: what each part is and the shapes it takes.</summary>
internal static class Descriptions
{
    public static string Reading(ReadingMechanism reading) => Catalog.Reading(reading).Adjective;

    public static string Role(ModuleRole role) => SpecWords.Role.Word(role);

    /// <summary>As written in a spec: <c>ff 32 relu</c>, <c>gru 32</c>.</summary>
    public static string Layer(LayerLayout layer)
    {
        var text = SpecWords.LayerKind.Word(layer.Kind) + " " + Literals.Int(layer.OutputSize);
        return Catalog.Layer(layer.Kind).TakesActivation ? text + " " + SpecWords.Activation.Word(layer.Activation) : text;
    }

    public static string Model(ModelLayout model)
    {
        var modules = string.Join(", ", model.Modules.Select(m => $"{m.Name} ({Role(m.Role)})"));
        var substeps = model.Substeps == 1 ? "1 sub-step" : $"{Literals.Int(model.Substeps)} sub-steps";
        return $"ThalNet model of {Literals.Int(model.Modules.Count)} modules, {modules}, sharing a center of {Literals.Int(model.CenterSize)} values; " +
            $"{substeps} per input step; {Literals.Count(model.ParameterCount)} parameters." +
            (model.AutoSize is null ? "" : " " + AutoSize(model));
    }

    /// <summary>Only for a model with <see cref="ModelLayout.AutoSize"/>.</summary>
    public static string AutoSize(ModelLayout model)
        => $"Layers written 'auto' have size {Literals.Int(model.AutoSize ?? 0)}, the largest that keeps the parameter count within the budget of {Literals.Count(model.Budget ?? 0)}.";

    public static string Module(ModuleLayout module)
    {
        var reads = module.Inputs.IsEmpty ? "" : "; reads " + string.Join(", ", module.Inputs);
        var layers = string.Join(", ", module.Layers.Select(Layer));
        return $"Module '{module.Name}' ({Role(module.Role)}{reads}): a {Reading(module.Reading)} reader of a {Literals.Int(module.ContextSize)}-value context, " +
            $"then {layers}; its {Literals.Int(module.FeatureSize)} features fill the center at [{Literals.Int(module.CenterOffset)}, {Literals.Int(module.CenterOffset + module.FeatureSize)}).";
    }

    public static string Reader(ModelLayout model, ModuleLayout module)
    {
        var condition = Catalog.Reading(module.Reading).ReadsOwnFeatures ? $", weighted by the module's previous features [B, {Literals.Int(module.FeatureSize)}]" : "";
        return $"The {Reading(module.Reading)} reader: context [B, {Literals.Int(module.ContextSize)}] from the previous center [B, {Literals.Int(model.CenterSize)}]{condition}.";
    }

    public static string LayerMember(ModuleLayout module, LayerLayout layer, bool first)
    {
        var input = first && module.InputWidth > 0
            ? $"[B, {Literals.Int(layer.InputSize)}] (inputs {Literals.Int(module.InputWidth)} then context {Literals.Int(module.ContextSize)})"
            : $"[B, {Literals.Int(layer.InputSize)}]";
        var member = string.Format(CultureInfo.InvariantCulture, Catalog.Layer(layer.Kind).MemberDoc, input, Literals.Int(layer.OutputSize), SpecWords.Activation.Word(layer.Activation));
        return $"Layer '{layer.Name}', {member}.";
    }

    public static string Output(ModuleLayout module, OutputLayout output)
        => $"Output '{output.Name}' of module '{module.Name}': {Catalog.Loss(output.Loss).HeadValues} [B, {Literals.Int(output.Size)}] of the module's features [B, {Literals.Int(module.FeatureSize)}], " +
            $"trained with {SpecWords.Loss.Word(output.Loss)} {(output.At == OutputTiming.Every ? "at every step" : "at the last step")}" +
            (output.Weight == 1.0 ? "." : $", weight {Literals.Float(output.Weight).TrimEnd('f')}.");

    public static string Input(InputLayout input, string batchShape)
        => input.Kind == InputKind.Tokens
            ? $"Input '{input.Name}': tokens one-hot over {Literals.Int(input.Width)} classes, [{batchShape}, {Literals.Int(input.Width)}]."
            : $"Input '{input.Name}': dense values [{batchShape}, {Literals.Int(input.Width)}].";
}
