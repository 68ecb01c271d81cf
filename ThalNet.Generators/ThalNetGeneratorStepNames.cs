namespace ThalNet.Generators;

/// <summary>The tracking names of the generator's pipeline stages, for incremental-caching tests.</summary>
public static class ThalNetGeneratorStepNames
{
    /// <summary>The project's <c>RootNamespace</c>, the default namespace of YAML specs.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary><c>*.thalnet.yaml</c> additional files, read to text.</summary>
    public const string YamlFiles = nameof(YamlFiles);

    /// <summary>YAML specs compiled to layouts and diagnostics.</summary>
    public const string YamlModels = nameof(YamlModels);

    /// <summary>Classes with <c>[ThalNetModel]</c>: their attribute arguments with locations, and problems with the class.</summary>
    public const string AttributeArguments = nameof(AttributeArguments);

    /// <summary>Attribute specs compiled to layouts and diagnostics.</summary>
    public const string AttributeModels = nameof(AttributeModels);

    /// <summary>Which runtimes the compilation references: ThalNet.Runtime (finds <c>ThalNet.Runtime.Models.ThalNetModel</c>) and ThalNet.TorchSharp (finds <c>TorchThalNetModel</c>).</summary>
    public const string RuntimeReference = nameof(RuntimeReference);

    /// <summary>Every model from either form, with a model defined twice, or any model without a runtime, turned into a diagnostic.</summary>
    public const string AllModels = nameof(AllModels);

    /// <summary>The valid models, each to be emitted as one source file.</summary>
    public const string ModelSources = nameof(ModelSources);

    /// <summary>The diagnostics of each spec.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Every name above, for tests that check them all.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        RootNamespace, YamlFiles, YamlModels, AttributeArguments, AttributeModels, RuntimeReference, AllModels, ModelSources,
        Diagnostics,
    ];
}
