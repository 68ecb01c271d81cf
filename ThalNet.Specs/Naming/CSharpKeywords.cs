using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>
/// Every C# keyword, reserved and contextual, as Roslyn's <c>SyntaxFacts</c> lists them (a test keeps the two in
/// step). Contextual keywords are identifiers almost everywhere, but not everywhere: a class named <c>var</c> turns
/// every <c>var</c> in its namespace into that class, a namespace or parameter named <c>nameof</c> hides the
/// operator, and <c>record</c>, <c>required</c> or <c>file</c> may not name types.
/// </summary>
public static class CSharpKeywords
{
    /// <summary>The reserved C# keywords, which a generated name may not be.</summary>
    public static IReadOnlyCollection<string> Reserved => ReservedSet;

    /// <summary>The contextual C# keywords (<c>var</c>, <c>record</c>, ...), which generated names avoid too.</summary>
    public static IReadOnlyCollection<string> Contextual => ContextualSet;

    private static readonly HashSet<string> ReservedSet =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new",
        "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static",
        "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong",
        "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    ];

    private static readonly HashSet<string> ContextualSet =
    [
        "add", "alias", "allows", "and", "args", "ascending", "assembly", "async", "await", "by", "descending",
        "dynamic", "equals", "extension", "field", "file", "from", "get", "global", "group", "init", "into",
        "join", "let", "managed", "method", "module", "nameof", "nint", "not", "notnull", "nuint", "on", "or",
        "orderby", "param", "partial", "property", "record", "remove", "required", "scoped", "select", "set",
        "type", "typevar", "unmanaged", "value", "var", "when", "where", "with", "yield",
    ];

    /// <summary>Whether <paramref name="word"/> is a reserved keyword (usable only as <c>@word</c>).</summary>
    public static bool IsReserved(string word) => ReservedSet.Contains(word);

    /// <summary>Whether <paramref name="word"/> is a keyword, reserved or contextual.</summary>
    public static bool IsKeyword(string word) => ReservedSet.Contains(word) || ContextualSet.Contains(word);
}
