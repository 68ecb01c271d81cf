using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>Builds the <see cref="StepPlan"/> of a valid model: the one place where the catalog decides how each kind runs.</summary>
public static class StepPlanner
{
    /// <summary>The plan of <paramref name="model"/>'s step, every kind looked up in the catalog once.</summary>
    /// <param name="model">A valid model's layout (<see cref="CompiledSpec.Layout"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A kind of the model has no catalog entry.</exception>
    public static StepPlan Build(ModelLayout model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        var inputIndex = model.Inputs.Select((input, index) => (input.Name, index)).ToDictionary(p => p.Name, p => p.index);
        var inputs = model.Inputs.Select((input, index) => new InputPlan(index, input.Name, input.CSharpName, input.Kind, input.Width, PlanText.Input(input)));
        var state = new List<StatePlanEntry> { new("center", "Center", StateRole.Center, null, model.CenterSize, "The center: every module's features, in module order") };
        var fused = model.Modules.Select((module, index) => (module, index)).Where(m => Catalog.Reading(m.module.Reading) is { ReadsOwnFeatures: false, ReadsModuleSlices: false }).Select(m => m.index).ToList();
        var modules = new List<ModulePlan>();
        var heads = new List<HeadPlan>();
        for (var m = 0; m < model.Modules.Count; m++)
        {
            var module = model.Modules[m];
            var slot = fused.IndexOf(m);
            var read = Read(model, m, slot < 0 ? null : slot);
            var features = state.Count;
            state.Add(new StatePlanEntry(module.Name + ".features", module.CSharpName + "Features", StateRole.Features, m, module.FeatureSize, $"The features of module '{module.Name}'"));
            var layers = new List<LayerPlan>();
            var writes = new List<StateWrite> { new(features, module.Layers.Count - 1) };
            for (var l = 0; l < module.Layers.Count; l++)
            {
                var layer = module.Layers[l];
                var entry = Catalog.Layer(layer.Kind);
                var member = CSharpNames.ToPascalCase(layer.Name);
                var last = l == module.Layers.Count - 1;
                int? hidden = null;
                int? cell = null;
                var word = entry.Word.ToUpperInvariant();
                if (entry.Recurrence != Recurrence.None)
                {
                    hidden = last ? features : state.Count;
                    if (!last)
                    {
                        state.Add(new StatePlanEntry(layer.Path + ".hidden", module.CSharpName + member + "State", StateRole.Hidden, m, layer.OutputSize, $"The hidden state of {word} layer '{layer.Name}' of module '{module.Name}'"));
                        writes.Add(new StateWrite(hidden.Value, l));
                    }
                }

                if (entry.Recurrence == Recurrence.HiddenAndCell)
                {
                    cell = state.Count;
                    state.Add(new StatePlanEntry(layer.Path + ".cell", module.CSharpName + member + "Cell", StateRole.Cell, m, layer.OutputSize, $"The cell state of {word} layer '{layer.Name}' of module '{module.Name}'"));
                }

                layers.Add(new LayerPlan(
                    layer.Name,
                    layer.Path,
                    member,
                    entry.Types,
                    layer.InputSize,
                    layer.OutputSize,
                    entry.TakesActivation ? layer.Activation : null,
                    hidden,
                    cell,
                    PlanText.LayerMember(module, layer, first: l == 0)));
            }

            var headIndices = new List<int>();
            foreach (var output in module.Outputs)
            {
                var loss = Catalog.Loss(output.Loss);
                headIndices.Add(heads.Count);
                heads.Add(new HeadPlan(
                    heads.Count,
                    m,
                    output.Name,
                    output.CSharpName,
                    output.Path,
                    module.FeatureSize,
                    output.Size,
                    Catalog.Head.Types,
                    output.At,
                    output.Weight,
                    new LossPlan(output.Loss, loss.Types, loss.Method, loss.Targets),
                    PlanText.Output(module, output),
                    PlanText.OutputLoss(module, output),
                    PlanText.Target(module, output)));
            }

            modules.Add(new ModulePlan(
                m,
                module.Name,
                module.CSharpName,
                module.Role,
                module.CenterOffset,
                module.FeatureSize,
                module.ContextSize,
                module.Inputs.Select(name => inputIndex[name]).ToEquatableArray(),
                module.InputWidth,
                read,
                layers.ToEquatableArray(),
                features,
                writes.ToEquatableArray(),
                headIndices.ToEquatableArray(),
                PlanText.Module(module)));
        }

        return new StepPlan(
            model.Name,
            model.Namespace,
            model.CenterSize,
            model.ParameterCount,
            model.AutoSize,
            PlanText.Model(model),
            PlanText.AutoSize(model),
            inputs.ToEquatableArray(),
            modules.ToEquatableArray(),
            fused.Count == 0 ? null : new FusedReadPlan(fused.ToEquatableArray()),
            state.ToEquatableArray(),
            heads.ToEquatableArray(),
            new SubstepPlan(model.Substeps, model.Substeps <= SubstepPlan.MaxUnrolled, Enumerable.Range(0, model.Modules.Count).ToEquatableArray(), Active(model, state)));
    }

    private static ActivePlan? Active(ModelLayout model, IReadOnlyList<StatePlanEntry> state)
        => model.Active is { } k
            ? new ActivePlan(
                k,
                Enumerable.Range(0, model.Modules.Count)
                    .Select(m => new ModuleKeptState(m, Enumerable.Range(0, state.Count).Where(i => state[i].Module == m).ToEquatableArray()))
                    .ToEquatableArray())
            : null;

    private static ReadPlan Read(ModelLayout model, int index, int? fusedSlot)
    {
        var module = model.Modules[index];
        var entry = Catalog.Reading(module.Reading);
        var sizes = entry.ReadsModuleSlices ? EquatableArray.Create(module.ContextSize)
            : entry.ReadsOwnFeatures ? EquatableArray.Create(model.CenterSize, module.ContextSize, module.FeatureSize)
            : EquatableArray.Create(model.CenterSize, module.ContextSize);
        var slices = entry.ReadsModuleSlices
            ? new ModuleSlicesPlan(
                model.Modules.Select(m => m.CenterOffset).ToEquatableArray(),
                model.Modules.Select(m => m.FeatureSize).ToEquatableArray(),
                index)
            : null;

        // Competing modules read with the method that also gives the null weight, which takes the center alone.
        var nullWeight = model.Active is not null && entry.HasNullSlot;
        var arguments = nullWeight ? ReaderInputs.Center : ReaderInputs.Center | ReaderInputs.Features;
        return new ReadPlan(module.Reading, entry.Types, sizes, arguments, fusedSlot, PlanText.Reader(model, module), slices, nullWeight);
    }
}
