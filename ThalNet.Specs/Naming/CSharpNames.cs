using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>How spec names become C# identifiers, and which names are taken by generated code.</summary>
public static class CSharpNames
{
    /// <summary>
    /// Names taken in the generated code, which modules, inputs and outputs may not use after
    /// conversion (nor the model, which may not name a member after itself): the generated
    /// members and nested types, the parameter and local names of generated methods (inputs become
    /// parameters of <c>Forward</c>), the members of the runtime's <c>ThalNetModel</c> and
    /// <c>Module</c> that a module property or output head would hide, and object's members.
    /// </summary>
    public static IReadOnlyList<string> ReservedMemberNames { get; } =
    [
        "Step", "State", "Inputs", "Outputs", "CenterSize", "ParameterCount", "Substeps", "Center",
        "Layout", "Parameters", "Modules", "Reset", "Forward",
        "Tape", "Steps", "Batch", "BatchInputs", "BatchTargets", "SequenceOutputs", "Losses", "Total",
        "Info", "Readers", "Ablation", "StateNames", "CreateState", "InitializeState", "ComputeLoss", "StepCore", "Ablate",
        "IsTraining", "NamedParameters", "NamedChildren", "Train", "Eval", "ZeroGrad", "AddModule", "AddParameter",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    ];

    /// <summary>The C# name of a module's reader member (the reader's parameters are named <see cref="ParameterNames.Reader"/>).</summary>
    public const string ReaderMemberName = "Read";

    /// <summary>The generated nested class of a module: <c>Vision</c> -> <c>VisionModule</c>.</summary>
    public static string ModuleClassName(string moduleCSharpName) => moduleCSharpName + "Module";

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new",
        "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static",
        "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary><c>side_1</c> -> <c>Side1</c>, <c>fast-path</c> -> <c>FastPath</c>, <c>vision</c> -> <c>Vision</c>.</summary>
    public static string ToPascalCase(string name)
        => string.Concat(name
            .Split('_', '-')
            .Where(part => part.Length > 0)
            .Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    /// <summary>Why a spec name (module, input, output) cannot become a C# name, or null when it can.</summary>
    public static string? SpecNameProblem(string name)
        => name.Length > 0 && IsAsciiLetter(name[0]) && name.All(c => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '-')
            ? null
            : "names start with a letter and hold only letters, digits, '_' and '-'";

    /// <summary>Why a name used verbatim (model class, namespace part) is not a C# identifier, or null.</summary>
    public static string? IdentifierProblem(string identifier)
    {
        if (identifier.Length == 0 || !(IsAsciiLetter(identifier[0]) || identifier[0] == '_') || !identifier.All(c => IsAsciiLetter(c) || IsDigit(c) || c == '_'))
        {
            return "identifiers start with a letter or '_' and hold only letters, digits and '_'";
        }

        return Keywords.Contains(identifier) ? $"'{identifier}' is a C# keyword" : null;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
