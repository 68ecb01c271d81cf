using Microsoft.CodeAnalysis;

namespace ThalNet.Generators.Attributes;

/// <summary>The ThalNet attributes (in ThalNet.Specs, namespace <c>ThalNet</c>) and the runtime base class, by name.</summary>
internal static class AttributeNames
{
    public const string Namespace = "ThalNet";

    public const string Model = "ThalNetModelAttribute";

    public const string Input = "ThalNetInputAttribute";

    public const string Defaults = "ThalNetDefaultsAttribute";

    public const string Module = "ThalNetModuleAttribute";

    public const string Output = "ThalNetOutputAttribute";

    public const string ModelMetadataName = Namespace + "." + Model;

    public const string BaseClass = "ThalNet.Runtime.Models.ThalNetModel";

    /// <summary>The base of generated TorchSharp models; its presence means the project references ThalNet.TorchSharp.</summary>
    public const string TorchBaseClass = "ThalNet.TorchSharp.Models.TorchThalNetModel";

    /// <summary>The attribute's simple name when it is one of ThalNet's, else null.</summary>
    public static string? ThalNetName(AttributeData attribute)
        => attribute.AttributeClass is { ContainingNamespace: { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true } } type
            && type.Name.StartsWith("ThalNet", StringComparison.Ordinal)
            ? type.Name
            : null;
}
