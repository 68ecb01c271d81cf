using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>How spec names become C# identifiers, and which names are taken by generated code.</summary>
public static class CSharpNames
{
    /// <summary>
    /// Names taken in the generated code, which modules, inputs and outputs may not use after conversion (nor the
    /// model, which may not name a member after itself): see <see cref="GeneratedMemberNames.All"/>.
    /// </summary>
    public static IReadOnlyList<string> ReservedMemberNames => GeneratedMemberNames.All;

    /// <summary>The C# name of a module's reader member (the reader's parameters are named <see cref="ParameterNames.Reader"/>).</summary>
    public const string ReaderMemberName = "Read";

    /// <summary>The generated nested class of a module: <c>Vision</c> -> <c>VisionModule</c>.</summary>
    public static string ModuleClassName(string moduleCSharpName) => moduleCSharpName + "Module";

    /// <summary>
    /// The longest spec name, model name or namespace part. Metadata names stop at 1,024 characters (CS7013), and
    /// generated names add words to spec names (<c>{Module}Module</c>, <c>{module}{Layer}State</c>).
    /// </summary>
    public const int MaxNameLength = 128;

    /// <summary>The longest namespace, dots included, so that namespace and model name stay far below 1,024 characters.</summary>
    public const int MaxNamespaceLength = 512;

    /// <summary><c>side_1</c> -> <c>Side1</c>, <c>fast-path</c> -> <c>FastPath</c>, <c>vision</c> -> <c>Vision</c>.</summary>
    public static string ToPascalCase(string name)
        => string.Concat(name
            .Split('_', '-')
            .Where(part => part.Length > 0)
            .Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    /// <summary>Why a spec name (module, input, output) cannot become a C# name, or null when it can.</summary>
    public static string? SpecNameProblem(string name)
    {
        if (!(name.Length > 0 && IsAsciiLetter(name[0]) && name.All(c => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '-')))
        {
            return "names start with a letter and hold only letters, digits, '_' and '-'";
        }

        return LengthProblem(name);
    }

    /// <summary>Why a name used verbatim (model class, namespace part) is not a C# identifier, or null.</summary>
    public static string? IdentifierProblem(string identifier)
    {
        if (identifier.Length == 0 || !(IsAsciiLetter(identifier[0]) || identifier[0] == '_') || !identifier.All(c => IsAsciiLetter(c) || IsDigit(c) || c == '_'))
        {
            return "identifiers start with a letter or '_' and hold only letters, digits and '_'";
        }

        return CSharpKeywords.IsKeyword(identifier) ? $"'{identifier}' is a C# keyword" : LengthProblem(identifier);
    }

    /// <summary>Why a model name cannot name the generated class, or null.</summary>
    public static string? TypeNameProblem(string identifier)
        => IdentifierProblem(identifier)
            ?? (identifier.All(c => c is >= 'a' and <= 'z')
                ? "type names of lower-case letters only may become C# keywords (warning CS8981); start it with a capital letter"
                : null);

    /// <summary><c>Vision</c> -> <c>vision</c>: the C# name of a parameter or local.</summary>
    public static string ToCamelCase(string pascalCase) => char.ToLowerInvariant(pascalCase[0]) + pascalCase.Substring(1);

    /// <summary>Why a spec name (an input) cannot name a parameter of the generated methods, or null.</summary>
    /// <remarks>Keywords are escaped (<c>@int</c>), but a parameter <c>nameof</c> would hide the operator the generated code uses.</remarks>
    public static string? ParameterNameProblem(string specName)
        => ToCamelCase(ToPascalCase(specName)) == "nameof" ? "its parameter 'nameof' would hide C#'s nameof operator" : null;

    /// <summary>Why a namespace cannot hold the generated class, or null: each part an identifier, the whole not too long.</summary>
    public static string? NamespaceProblem(string ns)
        => ns.Split('.').Select(IdentifierProblem).FirstOrDefault(p => p is not null)
            ?? (ns.Length > MaxNamespaceLength ? $"namespaces are at most {MaxNamespaceLength} characters, but this one has {ns.Length}" : null);

    private static string? LengthProblem(string name)
        => name.Length > MaxNameLength ? $"names are at most {MaxNameLength} characters, but this one has {name.Length}" : null;

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
