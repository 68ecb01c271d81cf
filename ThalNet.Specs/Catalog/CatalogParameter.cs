namespace ThalNet.Specs;

/// <summary>How a parameter starts, as every backend initialises it.</summary>
public enum InitKind
{
    /// <summary>U(-1/sqrt(fan-in), 1/sqrt(fan-in)), PyTorch's default for nn.Linear and the recurrent cells.</summary>
    UniformFanIn,

    /// <summary>The Frobenius norm of another parameter of the same entry (weight-norm's gain), so the product starts as that parameter.</summary>
    NormOf,

    /// <summary>Values the catalog computes from the sizes (<see cref="CatalogParameter{TSizes}.StartValues"/>), the same on every backend.</summary>
    Computed,
}

/// <summary>
/// One named parameter of a catalog entry: its name under the entry's path (<c>weight_ih</c>), its shape as a
/// function of the sizes, and its initialisation.
/// </summary>
/// <param name="Name">The parameter's name under the entry's path (<c>weight_ih</c>).</param>
/// <param name="ShapeText">The shape in the catalog's size letters, for documentation (<c>[4H, I]</c>).</param>
/// <param name="Shape">Its shape for given sizes, outermost dimension first.</param>
/// <param name="Init">How every backend initialises it.</param>
/// <param name="FanIn">For <see cref="InitKind.UniformFanIn"/>: the fan-in; else null.</param>
/// <param name="FanInText">For <see cref="InitKind.UniformFanIn"/>: the fan-in in the catalog's size letters (<c>H</c>), for documentation; else null.</param>
/// <param name="NormOf">For <see cref="InitKind.NormOf"/>: the parameter whose norm it starts at; else null.</param>
/// <param name="StartValues">For <see cref="InitKind.Computed"/>: the values, flattened in row-major order; else null.</param>
/// <param name="StartText">For <see cref="InitKind.Computed"/>: the values as a formula, for documentation; else null.</param>
public sealed record CatalogParameter<TSizes>(
    string Name,
    string ShapeText,
    Func<TSizes, long[]> Shape,
    InitKind Init,
    Func<TSizes, long>? FanIn,
    string? FanInText,
    string? NormOf,
    Func<TSizes, float[]>? StartValues = null,
    string? StartText = null)
{
    internal static CatalogParameter<TSizes> Uniform(string name, string shapeText, Func<TSizes, long[]> shape, Func<TSizes, long> fanIn, string fanInText)
        => new(name, shapeText, shape, InitKind.UniformFanIn, fanIn, fanInText, null);

    internal static CatalogParameter<TSizes> Norm(string name, string shapeText, Func<TSizes, long[]> shape, string of)
        => new(name, shapeText, shape, InitKind.NormOf, null, null, of);

    internal static CatalogParameter<TSizes> Computed(string name, string shapeText, Func<TSizes, long[]> shape, Func<TSizes, float[]> values, string valuesText)
        => new(name, shapeText, shape, InitKind.Computed, null, null, null, values, valuesText);

    /// <summary>The initialisation in words, for documentation.</summary>
    public string InitText => Init switch
    {
        InitKind.UniformFanIn => $"U(±1/√{FanInText})",
        InitKind.NormOf => $"‖{NormOf}‖_F",
        InitKind.Computed => StartText!,
        _ => throw new InvalidOperationException($"No description for initialisation {Init}."),
    };
}
