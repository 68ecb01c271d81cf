using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Attributes;

/// <summary>Reads the ThalNet attributes of a class into <see cref="ModelAttributes"/>, every argument with its location.</summary>
internal static class ModelAttributesReader
{
    /// <summary>Null when one of the attributes did not bind (the compiler reports that; the generator stays silent).</summary>
    /// <param name="type">The partial class that carries <c>[ThalNetModel]</c> and the attributes beside it.</param>
    /// <param name="name">The class name, located at its identifier; also the place of model-wide diagnostics.</param>
    /// <param name="cancellationToken">The generator's token, checked between attributes.</param>
    public static ModelAttributes? Read(INamedTypeSymbol type, Located<string> name, CancellationToken cancellationToken)
    {
        ModelAttributeArguments? model = null;
        DefaultsAttributeArguments? defaults = null;
        var inputs = new List<InputAttributeArguments>();
        var modules = new List<ModuleAttributeArguments>();
        var outputs = new List<OutputAttributeArguments>();
        var at = name.ValueLocation;
        foreach (var data in type.GetAttributes())
        {
            if (AttributeNames.ThalNetName(data) is not { } attribute)
            {
                continue;
            }

            if (data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax
                || AttributeArgumentList.Create(data, syntax) is not { } a)
            {
                return null;
            }

            switch (attribute)
            {
                case AttributeNames.Model:
                    model = new ModelAttributeArguments(name, a.String("Namespace"), a.Int("Substeps"), a.Int("Center"), a.Long("Budget"), at, a.Int("Active"));
                    break;
                case AttributeNames.Input:
                    inputs.Add(new InputAttributeArguments(a.RequiredString("name", at), a.Int("size"), a.Int("Tokens")));
                    break;
                case AttributeNames.Defaults:
                    defaults = new DefaultsAttributeArguments(a.String("Reading"), a.Int("Context"), a.Strings("Layers"));
                    break;
                case AttributeNames.Module:
                    modules.Add(new ModuleAttributeArguments(a.RequiredString("name", at), a.String("Role"), a.Strings("Inputs"), a.String("Reading"), a.Int("Context"), a.Strings("Layers")));
                    break;
                case AttributeNames.Output:
                    outputs.Add(new OutputAttributeArguments(
                        a.RequiredString("module", at),
                        a.RequiredString("name", at),
                        a.Int("size") ?? new Located<int>(0, Locations.Of(syntax)),
                        a.String("Loss"),
                        a.String("At"),
                        a.Double("Weight")));
                    break;
            }
        }

        return model is null
            ? null
            : new ModelAttributes(model, inputs.ToEquatableArray(), defaults, modules.ToEquatableArray(), outputs.ToEquatableArray());
    }
}
