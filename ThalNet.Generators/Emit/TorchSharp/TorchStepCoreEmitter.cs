using static ThalNet.Generators.Emit.TorchSharp.TorchTypes;

namespace ThalNet.Generators.Emit.TorchSharp;

/// <summary>
/// The unrolled step on TorchSharp, the same dataflow as the engine's: per sub-step, every module reads the previous
/// center, runs its layers on [its inputs; context], and the new features form the next center; the heads then
/// read the features of the last sub-step.
/// </summary>
internal static class TorchStepCoreEmitter
{
    public static void Write(CodeWriter w, ModelLayout model, IReadOnlyList<StateEntry> state)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"protected override void StepCore(global::System.ReadOnlySpan<{Tensor}> inputs, {ModelState} state, bool lastStep, global::System.Span<{Tensor}?> outputs)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(state);");
            var inputIndices = StepCoreEmitter.InputIndices(model);
            StepCoreEmitter.WriteBody(
                w,
                model,
                state,
                declare => WriteSubstep(w, model, inputIndices, declare),
                () => StepCoreEmitter.WriteOutputs(w, model, (head, features) => $"{head}.call({features})"));
        }
    }

    /// <param name="declare"><c>var </c> where the sub-step's locals are declared, empty where they are assigned again.</param>
    private static void WriteSubstep(CodeWriter w, ModelLayout model, Dictionary<string, int> inputIndices, string declare)
    {
        foreach (var module in model.Modules)
        {
            WriteModule(w, module, inputIndices, declare);
        }

        foreach (var module in model.Modules)
        {
            w.Line($"{GeneratedNames.FeaturesLocal(module)} = {GeneratedNames.LayerLocal(module, module.Layers[module.Layers.Count - 1])};");
            foreach (var layer in StateLayout.InnerRecurrentLayers(module))
            {
                w.Line($"{GeneratedNames.HiddenLocal(module, layer)} = {GeneratedNames.LayerLocal(module, layer)};");
            }
        }

        w.Line($"center = Ablate({Concat(model.Modules.Select(GeneratedNames.FeaturesLocal))});");
    }

    private static void WriteModule(CodeWriter w, ModuleLayout module, Dictionary<string, int> inputIndices, string declare)
    {
        var features = GeneratedNames.FeaturesLocal(module);
        var context = GeneratedNames.ContextLocal(module);
        w.Line($"{declare}{context} = {module.CSharpName}.Read.call(center, {features});");
        var x = module.Inputs.IsEmpty
            ? context
            : Concat(module.Inputs.Select(name => $"inputs[{Literals.Int(inputIndices[name])}]").Append(context));
        for (var i = 0; i < module.Layers.Count; i++)
        {
            var layer = module.Layers[i];
            var member = $"{module.CSharpName}.{GeneratedNames.Layer(layer)}";
            var hidden = i == module.Layers.Count - 1 ? features : GeneratedNames.HiddenLocal(module, layer);
            var local = GeneratedNames.LayerLocal(module, layer);
            var cell = GeneratedNames.CellLocal(module, layer);
            w.Line(Catalog.Layer(layer.Kind).Recurrence switch
            {
                Recurrence.None => $"{declare}{local} = {member}.call({x});",
                Recurrence.Hidden => $"{declare}{local} = {member}.call({x}, {hidden});",
                Recurrence.HiddenAndCell => $"({declare}{local}, {cell}) = {member}.call({x}, {hidden}, {cell});",
                var other => throw new InvalidOperationException($"No step call for recurrence {other} of layer kind {layer.Kind}."),
            });
            x = local;
        }
    }

    private static string Concat(IEnumerable<string> tensors) => $"{Torch}.cat(new[] {{ {string.Join(", ", tensors)} }}, 1)";
}
