namespace ThalNet.Generators.Emit;

/// <summary>
/// One tensor of the recurrent state: the center, a module's features, the hidden state of a recurrent layer that
/// is not its module's last (a last layer's hidden state is the module's features), or an LSTM layer's cell state.
/// </summary>
/// <param name="Name">The runtime name (<c>vision.features</c>).</param>
/// <param name="Property">The typed property on the generated <c>State</c>.</param>
/// <param name="Local">The local holding it in the step.</param>
/// <param name="Size">Its width, as a C# expression.</param>
/// <param name="Width">Its width.</param>
internal sealed record StateEntry(string Name, string Property, string Local, string Size, int Width, string Description);

/// <summary>The state tensors in the order the generated code fixes: the center, then per module its features and, per layer, its inner hidden and cell states.</summary>
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
            foreach (var layer in module.Layers)
            {
                var kind = SpecWords.LayerKind.Word(layer.Kind).ToUpperInvariant();
                if (IsInnerRecurrent(module, layer))
                {
                    entries.Add(new StateEntry(
                        layer.Path + ".hidden",
                        module.CSharpName + GeneratedNames.Layer(layer) + "State",
                        GeneratedNames.HiddenLocal(module, layer),
                        Literals.Int(layer.OutputSize),
                        layer.OutputSize,
                        $"The hidden state of {kind} layer '{layer.Name}' of module '{module.Name}'"));
                }

                if (HasCell(layer))
                {
                    entries.Add(new StateEntry(
                        layer.Path + ".cell",
                        module.CSharpName + GeneratedNames.Layer(layer) + "Cell",
                        GeneratedNames.CellLocal(module, layer),
                        Literals.Int(layer.OutputSize),
                        layer.OutputSize,
                        $"The cell state of {kind} layer '{layer.Name}' of module '{module.Name}'"));
                }
            }
        }

        return entries;
    }

    /// <summary>Recurrent layers that are not their module's last keep their hidden state apart from the features.</summary>
    public static IEnumerable<LayerLayout> InnerRecurrentLayers(ModuleLayout module)
        => module.Layers.Where(l => IsInnerRecurrent(module, l));

    public static bool HasCell(LayerLayout layer) => Catalog.Layer(layer.Kind).Recurrence == Recurrence.HiddenAndCell;

    private static bool IsInnerRecurrent(ModuleLayout module, LayerLayout layer)
        => Catalog.Layer(layer.Kind).Recurrence != Recurrence.None && !ReferenceEquals(layer, module.Layers[module.Layers.Count - 1]);
}
