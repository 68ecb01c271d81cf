namespace ThalNet.Generators.Emit;

/// <summary>A reader's constructor arguments as the plan gives them, the same on every backend (the engine appends its random source).</summary>
internal static class ReaderConstruction
{
    /// <summary>The module slices' widths and the reading module's index when it reads by slices, then its sizes.</summary>
    public static string Arguments(ReadPlan read)
    {
        var sizes = string.Join(", ", read.Sizes.Select(Literals.Int));
        return read.Slices is { } slices
            ? $"new int[] {{ {string.Join(", ", slices.Sizes.Select(Literals.Int))} }}, {Literals.Int(slices.Module)}, {sizes}"
            : sizes;
    }
}
