using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Attributes;

/// <summary>
/// The written arguments of one attribute application: each argument's bound value, paired with the syntax it
/// was written as. Constructor arguments are named by their parameter (<c>name</c>), named arguments by their
/// property (<c>Role</c>); arguments that were not written are absent.
/// </summary>
internal sealed class AttributeArgumentList
{
    private readonly Dictionary<string, (TypedConstant Value, AttributeArgumentSyntax Syntax)> _arguments = [];

    private AttributeArgumentList()
    {
    }

    /// <summary>Null when the attribute did not bind to a constructor (a compile error the compiler reports).</summary>
    public static AttributeArgumentList? Create(AttributeData data, AttributeSyntax syntax)
    {
        if (data.AttributeConstructor is not { } constructor)
        {
            return null;
        }

        var list = new AttributeArgumentList();
        var position = 0;
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } property)
            {
                var name = property.Name.Identifier.ValueText;
                var bound = data.NamedArguments.FirstOrDefault(a => a.Key == name);
                if (bound.Key is null)
                {
                    return null;
                }

                list._arguments[name] = (bound.Value, argument);
                continue;
            }

            var index = argument.NameColon is { } named
                ? constructor.Parameters.Select(p => p.Name).ToList().IndexOf(named.Name.Identifier.ValueText)
                : position++;
            if (index < 0 || index >= data.ConstructorArguments.Length)
            {
                return null;
            }

            list._arguments[constructor.Parameters[index].Name] = (data.ConstructorArguments[index], argument);
        }

        return list._arguments.Values.Any(a => a.Value.Kind == TypedConstantKind.Error) ? null : list;
    }

    public Located<string>? String(string name)
        => TryFind(name, out var value, out var syntax) && value.Value is string text ? Locate(text, syntax) : null;

    /// <summary>A required string argument; a written <c>null</c> reads as empty, which the validator reports.</summary>
    public Located<string> RequiredString(string name, SourceLocation fallback)
        => String(name) ?? (TryFind(name, out _, out var syntax) ? Locate("", syntax) : new Located<string>("", fallback));

    public Located<int>? Int(string name)
        => TryFind(name, out var value, out var syntax) && value.Value is int number ? Locate(number, syntax) : null;

    public Located<long>? Long(string name)
        => TryFind(name, out var value, out var syntax) && value.Value is long number ? Locate(number, syntax) : null;

    public Located<double>? Double(string name)
        => TryFind(name, out var value, out var syntax) && value.Value is double number ? Locate(number, syntax) : null;

    /// <summary>A string array, each item located at its element when the array is written element by element.</summary>
    public Located<EquatableArray<Located<string>>>? Strings(string name)
    {
        if (!TryFind(name, out var value, out var syntax) || value.Kind != TypedConstantKind.Array || value.IsNull)
        {
            return null;
        }

        var expression = Locations.Of(syntax.Expression);
        var elements = Elements(syntax.Expression);
        var items = value.Values
            .Select((item, i) => new Located<string>(
                item.Value as string ?? "",
                elements.Count == value.Values.Length ? Locations.Of(elements[i]) : expression))
            .ToEquatableArray();
        return Locate(items, syntax);
    }

    private bool TryFind(string name, out TypedConstant value, out AttributeArgumentSyntax syntax)
    {
        var found = _arguments.TryGetValue(name, out var argument);
        (value, syntax) = argument;
        return found;
    }

    /// <summary>Named arguments: the key at the property name, the value at the expression; positional ones both at the expression.</summary>
    private static Located<T> Locate<T>(T value, AttributeArgumentSyntax syntax)
    {
        var at = Locations.Of(syntax.Expression);
        return syntax.NameEquals is { } name ? new Located<T>(value, Locations.Of(name.Name), at) : new Located<T>(value, at);
    }

    private static IReadOnlyList<ExpressionSyntax> Elements(ExpressionSyntax array) => array switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax)
            => collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => [],
    };
}
