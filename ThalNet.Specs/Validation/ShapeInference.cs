using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// Lays out a spec whose values are all present and valid: the center, each module's sizes and
/// every parameter. Reports a center that differs from the sum of feature sizes (THAL0007), a
/// parameter count above the budget (THAL0019) and shapes that overflow (THAL0028).
/// </summary>
internal static class ShapeInference
{
    public static ModelLayout? Infer(ModelSpec spec, DiagnosticBag diagnostics)
    {
        var inputs = spec.InputList
            .Select(i => new InputLayout(i.Name.Value, CSharpNames.ToPascalCase(i.Name.Value), i.Kind, i.Size?.Value ?? 0))
            .ToEquatableArray();
        var stacks = spec.ModuleList.Select(m => SpecResolution.Layers(spec, m)).ToList();
        var featureSizes = stacks.Select(stack => stack[stack.Count - 1].Size.Value).ToList();
        var centerSize = featureSizes.Sum(f => (long)f);
        if (centerSize > int.MaxValue)
        {
            // Every reader spans the center, so the first module already has a parameter too large.
            var first = spec.ModuleList[0].Name;
            diagnostics.Add(SpecDiagnostics.TooLarge, first.KeyLocation, first.Value, SpecDiagnostics.TooLargeParameter);
            return null;
        }

        var inputWidths = inputs.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Width);
        var modules = new List<ModuleLayout>();
        var parameters = new List<ParameterLayout>();
        var parameterCount = 0L;
        var offset = 0;
        for (var i = 0; i < spec.ModuleList.Count; i++)
        {
            var module = spec.ModuleList[i];
            var first = parameters.Count;
            try
            {
                modules.Add(LayOut(spec, module, stacks[i], inputWidths, offset, (int)centerSize, parameters));
            }
            catch (OverflowException)
            {
                diagnostics.Add(SpecDiagnostics.TooLarge, module.Name.KeyLocation, module.Name.Value, SpecDiagnostics.TooLargeParameter);
                return null;
            }

            // The count is emitted as a const int, and the runtime counts parameters in an int. Checked after each
            // parameter: a term is below 2^62 (two int dimensions), so the long sum cannot overflow first.
            for (var p = first; p < parameters.Count; p++)
            {
                parameterCount += parameters[p].ElementCount;
                if (parameterCount > int.MaxValue)
                {
                    diagnostics.Add(SpecDiagnostics.TooLarge, module.Name.KeyLocation, module.Name.Value, SpecDiagnostics.TooManyParameters(parameterCount));
                    return null;
                }
            }

            offset += featureSizes[i];
        }

        CheckCenter(spec, featureSizes, centerSize, diagnostics);
        if (spec.Budget is { } budget && parameterCount > budget.Value)
        {
            diagnostics.Add(SpecDiagnostics.BudgetExceeded, budget.ValueLocation, parameterCount, budget.Value);
        }

        return new ModelLayout(
            spec.Name.Value,
            spec.Namespace?.Value,
            SpecResolution.Substeps(spec),
            (int)centerSize,
            inputs,
            modules.ToEquatableArray(),
            parameters.ToEquatableArray(),
            parameterCount,
            Active: spec.Active?.Value);
    }

    private static ModuleLayout LayOut(
        ModelSpec spec,
        ModuleSpec module,
        EquatableArray<LayerSpec> stack,
        Dictionary<string, int> inputWidths,
        int offset,
        int centerSize,
        List<ParameterLayout> parameters)
    {
        var name = module.Name.Value;
        var reading = SpecResolution.Reading(spec, module);
        var context = SpecResolution.Context(spec, module);
        var features = stack[stack.Count - 1].Size.Value;
        var inputNames = (module.Inputs?.Value ?? default).Select(i => i.Value).ToEquatableArray();
        var inputWidth = checked(inputNames.Sum(n => inputWidths[n]));

        AddAll(parameters, $"{name}.{ParameterNames.Reader}", Catalog.Reading(reading).Parameters, new ReaderSizes(centerSize, context, features));

        var layers = new List<LayerLayout>();
        var layerNames = ParameterNames.Layers(stack.Select(l => l.Kind.Value));
        var inSize = checked(inputWidth + context);
        for (var i = 0; i < stack.Count; i++)
        {
            var layer = stack[i];
            var path = $"{name}.{layerNames[i]}";
            var activation = Catalog.Layer(layer.Kind.Value).TakesActivation ? layer.Activation?.Value ?? SpecDefaults.FeedForwardActivation : Activation.None;
            layers.Add(new LayerLayout(layerNames[i], path, layer.Kind.Value, activation, inSize, layer.Size.Value));
            AddAll(parameters, path, Catalog.Layer(layer.Kind.Value).Parameters, new LayerSizes(inSize, layer.Size.Value));
            inSize = layer.Size.Value;
        }

        var outputs = (module.Outputs?.Value ?? default).Select(o => new OutputLayout(
            o.Name.Value,
            CSharpNames.ToPascalCase(o.Name.Value),
            $"{name}.{o.Name.Value}",
            o.Size?.Value ?? 0,
            o.Loss?.Value ?? SpecDefaults.Loss,
            o.At?.Value ?? SpecDefaults.At,
            o.Weight?.Value ?? SpecDefaults.Weight)).ToEquatableArray();
        foreach (var output in outputs)
        {
            AddAll(parameters, output.Path, Catalog.Head.Parameters, new HeadSizes(features, output.Size));
        }

        return new ModuleLayout(
            name,
            CSharpNames.ToPascalCase(name),
            module.Role?.Value ?? ModuleRole.Side,
            offset,
            features,
            reading,
            context,
            inputNames,
            inputWidth,
            layers.ToEquatableArray(),
            outputs);
    }

    /// <summary>Adds an entry's catalog parameters under <paramref name="prefix"/>, shaped for <paramref name="sizes"/>.</summary>
    /// <exception cref="OverflowException">A dimension does not fit in an int.</exception>
    private static void AddAll<TSizes>(List<ParameterLayout> parameters, string prefix, IReadOnlyList<CatalogParameter<TSizes>> entries, TSizes sizes)
    {
        foreach (var entry in entries)
        {
            var dimensions = entry.Shape(sizes).Select(d => checked((int)d)).ToEquatableArray();
            parameters.Add(new ParameterLayout(prefix + "." + entry.Name, dimensions));
        }
    }

    private static void CheckCenter(ModelSpec spec, List<int> featureSizes, long centerSize, DiagnosticBag diagnostics)
    {
        if (spec.Center is not { } center || center.Value == centerSize)
        {
            return;
        }

        var terms = spec.ModuleList.Select((m, i) => $"{m.Name.Value} {featureSizes[i]}");
        diagnostics.Add(SpecDiagnostics.CenterMismatch, center.ValueLocation, center.Value, centerSize, string.Join(" + ", terms));
    }
}
