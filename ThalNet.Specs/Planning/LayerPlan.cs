namespace ThalNet.Specs;

/// <summary>
/// One layer of a module's stack: its type on each backend, its constructor and what it carries between steps. Its
/// forward takes the previous layer's output (the first takes [inputs; context]), then <see cref="Hidden"/> when
/// given, then <see cref="Cell"/> when given, which it replaces.
/// </summary>
/// <param name="Name">Its parameter name part (<c>ff</c>, <c>gru0</c>).</param>
/// <param name="Path">Module and layer name, the prefix of its parameters (<c>vision.ff</c>).</param>
/// <param name="Member">Its member on the module class (<c>Ff</c>, <c>Gru0</c>).</param>
/// <param name="Types">The implementing type on each backend.</param>
/// <param name="InputSize">Its input width.</param>
/// <param name="OutputSize">Its output width (the hidden size of a recurrent layer).</param>
/// <param name="Activation">The activation its constructor takes after the sizes; null for kinds that take none.</param>
/// <param name="Hidden">The state entry of its previous output (the module's features for the last layer); null for a layer without recurrence.</param>
/// <param name="Cell">The state entry of its cell state; null for a layer without one.</param>
/// <param name="Summary">What the layer is, for its member's documentation.</param>
public sealed record LayerPlan(
    string Name,
    string Path,
    string Member,
    BackendTypes Types,
    int InputSize,
    int OutputSize,
    Activation? Activation,
    int? Hidden,
    int? Cell,
    string Summary);
