using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests.Fuzz;

/// <summary>
/// Compiles the generated files of many specs in one compilation, which costs far less than one compilation each.
/// Each file moves into a namespace of its own (<c>Fuzz17.App</c>), so models of the same name do not meet, and
/// every error or warning is traced back to the spec whose file it is in.
/// </summary>
internal static partial class BatchCompiler
{
    /// <summary>Errors and warnings of each generated file, as <c>ID severity file(l,c): message</c>, by the caller's key.</summary>
    public static Dictionary<int, string[]> Problems(IReadOnlyList<(int Key, string Source)> generated)
    {
        var trees = generated.ToDictionary(
            g => CSharpSyntaxTree.ParseText(Isolate(g.Source, g.Key), GeneratorHarness.ParseOptions, $"Generated{g.Key}.g.cs"),
            g => g.Key);
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(trees.Keys);
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .GroupBy(d => d.Location.SourceTree is { } tree && trees.TryGetValue(tree, out var key) ? key : -1)
            .ToDictionary(g => g.Key, g => g.Select(DiagnosticFormat.Line).ToArray());
    }

    /// <summary>The file with its namespace nested in <c>Fuzz{key}</c>; a file in the global namespace gets <c>Fuzz{key}</c>.</summary>
    private static string Isolate(string source, int key)
    {
        var prefix = $"Fuzz{key}";
        var declaration = NamespaceDeclaration().Match(source);
        return declaration.Success
            ? source.Insert(declaration.Groups[1].Index, prefix + ".")
            : NullableLine().Replace(source, $"$0\nnamespace {prefix};\n", 1);
    }

    [GeneratedRegex(@"(?m)^namespace (\S)")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"(?m)^#nullable enable$")]
    private static partial Regex NullableLine();
}
