namespace ThalNet.Specs;

/// <summary>
/// One tensor of the recurrent state [B, Width]: the center, a module's features, the hidden state of a recurrent
/// layer that is not its module's last (a last layer's hidden state is the module's features), or a layer's cell state.
/// </summary>
/// <param name="Name">The runtime name (<c>vision.features</c>).</param>
/// <param name="Property">Its member on the generated <c>State</c> (<c>VisionFeatures</c>).</param>
/// <param name="Role">What it holds.</param>
/// <param name="Module">The module it belongs to; null for the center.</param>
/// <param name="Width">Its width: [B, Width].</param>
/// <param name="Summary">What it holds, for its member's documentation.</param>
public sealed record StatePlanEntry(string Name, string Property, StateRole Role, int? Module, int Width, string Summary);

/// <summary>What a state tensor holds.</summary>
public enum StateRole
{
    /// <summary>The center: every module's features, in module order.</summary>
    Center,

    /// <summary>A module's features, what its last layer gave.</summary>
    Features,

    /// <summary>A recurrent layer's hidden state, for a layer that is not its module's last.</summary>
    Hidden,

    /// <summary>A layer's cell state, which only the state holds.</summary>
    Cell,
}
