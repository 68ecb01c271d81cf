namespace ThalNet.Specs;

/// <summary>What a key of the spec holds; <see cref="SpecSchema"/> turns each into its JSON Schema.</summary>
public enum SpecValue
{
    /// <summary>A C# identifier used verbatim (the model's class).</summary>
    Identifier,

    /// <summary>A dotted C# namespace.</summary>
    Namespace,

    /// <summary>A 32-bit integer of at least 1.</summary>
    Count,

    /// <summary>A 64-bit integer of at least 1.</summary>
    LongCount,

    /// <summary>A finite number of at least 0 that fits a single-precision float.</summary>
    Weight,

    /// <summary>A reading mechanism word from the catalog.</summary>
    Reading,

    /// <summary>A module role word.</summary>
    Role,

    /// <summary>A loss word from the catalog.</summary>
    Loss,

    /// <summary>An output timing word.</summary>
    At,

    /// <summary>A non-empty list of layer strings (<c>ff 32 relu</c>, <c>gru auto</c>).</summary>
    Layers,

    /// <summary>A non-empty list of distinct input names.</summary>
    InputNames,

    /// <summary>A mapping of input names to inputs.</summary>
    Inputs,

    /// <summary>The <c>defaults</c> mapping.</summary>
    Defaults,

    /// <summary>A mapping of module names to modules.</summary>
    Modules,

    /// <summary>A mapping of output names to outputs.</summary>
    Outputs,
}
