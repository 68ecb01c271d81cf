namespace ThalNet.Generators.Emit;

/// <summary>
/// One tensor of the recurrent state: the center, a module's features, or the hidden state of a GRU layer that is
/// not its module's last (a last GRU layer's hidden state is the module's features).
/// </summary>
/// <param name="Name">The runtime name (<c>vision.features</c>).</param>
/// <param name="Property">The typed property on the generated <c>State</c>.</param>
/// <param name="Local">The local holding it in the step.</param>
/// <param name="Size">Its width, as a C# expression.</param>
/// <param name="Width">Its width.</param>
internal sealed record StateEntry(string Name, string Property, string Local, string Size, int Width, string Description);

/// <summary>The state tensors in the order the generated code fixes: the center, then per module its features and inner GRU states.</summary>
internal static class StateLayout
{
    public static IReadOnlyList<StateEntry> Entries(ModelLayout layout)
    {
        var entries = new List<StateEntry> { new("center", "Center", "center", "CenterSize", layout.CenterSize, "The center: every module's features, in module order") };
        foreach (var module in layout.Modules)
        {
            entries.Add(new StateEntry(
                module.Name + ".features",
                module.CSharpName + "Features",
                GeneratedNames.FeaturesLocal(module),
                "Layout." + GeneratedNames.SizeConstant(module),
                module.FeatureSize,
                $"The features of module '{module.Name}'"));
            foreach (var layer in InnerGruLayers(module))
            {
                entries.Add(new StateEntry(
                    layer.Path + ".hidden",
                    module.CSharpName + GeneratedNames.Layer(layer) + "State",
                    GeneratedNames.HiddenLocal(module, layer),
                    Literals.Int(layer.OutputSize),
                    layer.OutputSize,
                    $"The hidden state of GRU layer '{layer.Name}' of module '{module.Name}'"));
            }
        }

        return entries;
    }

    public static IEnumerable<LayerLayout> InnerGruLayers(ModuleLayout module)
        => module.Layers.Take(module.Layers.Count - 1).Where(l => l.Kind == LayerKind.Gru);
}
