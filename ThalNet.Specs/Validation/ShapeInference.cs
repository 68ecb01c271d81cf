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
            parameterCount);
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

        AddReader(parameters, $"{name}.{ParameterNames.Reader}", reading, centerSize, context, features);

        var layers = new List<LayerLayout>();
        var layerNames = ParameterNames.Layers(stack.Select(l => l.Kind.Value));
        var inSize = checked(inputWidth + context);
        for (var i = 0; i < stack.Count; i++)
        {
            var layer = stack[i];
            var path = $"{name}.{layerNames[i]}";
            var activation = layer.Kind.Value == LayerKind.Gru ? Activation.None : layer.Activation?.Value ?? SpecDefaults.FeedForwardActivation;
            layers.Add(new LayerLayout(layerNames[i], path, layer.Kind.Value, activation, inSize, layer.Size.Value));
            AddLayer(parameters, path, layer.Kind.Value, inSize, layer.Size.Value);
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
            Add(parameters, output.Path + ".weight", output.Size, features);
            Add(parameters, output.Path + ".bias", output.Size);
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

    /// <summary>C = center size, K = context size, F = the module's feature size.</summary>
    private static void AddReader(List<ParameterLayout> parameters, string prefix, ReadingMechanism reading, long c, long k, long f)
    {
        switch (reading)
        {
            case ReadingMechanism.Linear:
                Add(parameters, prefix + ".w", k, c);
                break;
            case ReadingMechanism.WeightNorm:
                Add(parameters, prefix + ".w", k, c);
                Add(parameters, prefix + ".beta");
                break;
            case ReadingMechanism.FastSoftmax:
                Add(parameters, prefix + ".w", f, c * k);
                Add(parameters, prefix + ".b", c * k);
                break;
            case ReadingMechanism.FastGaussian:
                Add(parameters, prefix + ".w_mean", f, k);
                Add(parameters, prefix + ".b_mean", k);
                Add(parameters, prefix + ".w_scale", f, k);
                Add(parameters, prefix + ".b_scale", k);
                break;
        }
    }

    private static void AddLayer(List<ParameterLayout> parameters, string prefix, LayerKind kind, long inSize, long outSize)
    {
        if (kind == LayerKind.FeedForward)
        {
            Add(parameters, prefix + ".weight", outSize, inSize);
            Add(parameters, prefix + ".bias", outSize);
            return;
        }

        var gates = 3 * outSize;
        Add(parameters, prefix + ".weight_ih", gates, inSize);
        Add(parameters, prefix + ".weight_hh", gates, outSize);
        Add(parameters, prefix + ".bias_ih", gates);
        Add(parameters, prefix + ".bias_hh", gates);
    }

    /// <exception cref="OverflowException">A dimension does not fit in an int.</exception>
    private static void Add(List<ParameterLayout> parameters, string name, params long[] shape)
    {
        var dimensions = shape.Select(d => checked((int)d)).ToEquatableArray();
        parameters.Add(new ParameterLayout(name, dimensions));
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
