using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ThalNet.Runtime.Tests.Architecture;

/// <summary>
/// Namespaces are the public API (what users import and what generated code names with <c>global::</c>); folders
/// follow them. A source file of the four library projects is in its project's namespace plus its first folder
/// (<c>ThalNet.Runtime/Training/Loop/X.cs</c>: <c>ThalNet.Runtime.Training</c>; deeper folders only group files),
/// unless <see cref="Exceptions"/> declares its folder otherwise, with the reason (docs/extending.md, "Where a file
/// goes"). A file that declares no type (global usings) needs no namespace.
/// </summary>
public partial class NamespaceLayoutTests
{
    /// <summary>The library projects; each one's root namespace is its folder's name.</summary>
    private static readonly string[] Projects = ["ThalNet.Runtime", "ThalNet.Specs", "ThalNet.TorchSharp", "ThalNet.Generators"];

    /// <summary>The folders whose files are not in root namespace + first folder; the longest matching folder wins.</summary>
    internal static readonly NamespaceRule[] Exceptions =
    [
        new("ThalNet.Runtime/Autograd", Fixed("ThalNet.Runtime"), "the tape, its nodes and scopes: the engine's core types, in the namespace every engine user imports"),
        new("ThalNet.Runtime/Ops", Fixed("ThalNet.Runtime"), "partial class Tape files: the tape's operations are members of Tape"),
        new("ThalNet.Runtime/Tensors", Fixed("ThalNet.Runtime"), "Tensor and Shape, named by every user of the engine"),
        new("ThalNet.Runtime/Kinds", KindRole, "one folder per kind (docs/extending.md), each file in the namespace of its role: a partial class Tape file in ThalNet.Runtime, a public module in ThalNet.Runtime.Nn, internal kernels in ThalNet.Runtime.Kernels"),
        new("ThalNet.Specs", Fixed("ThalNet.Specs"), "one namespace: the generator, the runtime (a global using) and generated code (global::ThalNet.Specs.Activation) name its types; its folders only group files"),
        new("ThalNet.Specs/Attributes", Fixed("ThalNet"), "the attributes users put on their partial model classes: using ThalNet; is all an attributed model needs"),
        new("ThalNet.Specs/Polyfills", Fixed("System.Runtime.CompilerServices"), "netstandard2.0 lacks IsExternalInit, which the compiler looks up in this namespace"),
        new("ThalNet.TorchSharp/Devices", Fixed("ThalNet.TorchSharp"), "TorchDevices and TorchThreads, set up before any model, in the package's root namespace"),
        new("ThalNet.TorchSharp/buildTransitive", NotCompiled, "a build task that MSBuild compiles on its own (Compile Remove in the project), in the global namespace"),
        new("ThalNet.Generators/Polyfills", Fixed("System.Runtime.CompilerServices"), "netstandard2.0 lacks IsExternalInit, which the compiler looks up in this namespace"),
    ];

    [Fact]
    public void Every_source_file_is_in_the_namespace_of_its_folder()
    {
        var misplaced = SourceFiles()
            .Select(file => (File: file, Problem: Problem(file)))
            .Where(f => f.Problem is not null)
            .Select(f => $"{f.File.Path}: {f.Problem}")
            .ToList();

        Assert.True(
            misplaced.Count == 0,
            $"{misplaced.Count} file(s) break the namespace layout. Move each file to the folder of its namespace, or declare its folder in "
            + $"{nameof(NamespaceLayoutTests)}.{nameof(Exceptions)} with a one-line reason (and in docs/extending.md):\n{string.Join("\n", misplaced)}");
    }

    [Fact]
    public void Every_exception_names_a_folder_that_has_source_files()
    {
        var files = SourceFiles().ToList();

        var stale = Exceptions.Where(rule => !files.Any(f => rule.Covers(f.Path))).Select(rule => rule.Folder);

        Assert.Empty(stale);
    }

    [Fact]
    public void Every_exception_is_documented_with_the_rule()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "extending.md"));

        var undocumented = Exceptions.Where(rule => !page.Contains($"`{rule.Folder}/`", StringComparison.Ordinal)).Select(rule => rule.Folder);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Kinds_rule_reads_the_role_from_what_a_file_declares()
    {
        Assert.Equal("ThalNet.Runtime", KindRole(Parse("Kinds/Layers/X/Tape.X.cs", "namespace ThalNet.Runtime;\n\npublic sealed partial class Tape\n{\n}\n")));
        Assert.Equal("ThalNet.Runtime.Nn", KindRole(Parse("Kinds/Layers/X/X.cs", "namespace ThalNet.Runtime.Nn;\n\npublic sealed class X : Module\n{\n}\n")));
        Assert.Equal("ThalNet.Runtime.Kernels", KindRole(Parse("Kinds/Layers/X/XKernels.cs", "namespace ThalNet.Runtime.Kernels;\n\ninternal static class XKernels\n{\n}\n")));
    }

    /// <summary>What is wrong with the file's namespace, or null when it is where the layout says.</summary>
    private static string? Problem(SourceFile file)
    {
        var rule = Exceptions.Where(r => r.Covers(file.Path)).MaxBy(r => r.Folder.Length);
        var expected = rule is null ? DefaultNamespace(file.Path) : rule.Expected(file);
        var why = rule is null ? "project namespace + first folder" : $"{rule.Folder}/: {rule.Reason}";
        if (file.Namespaces.Count > 1)
        {
            return $"declares {file.Namespaces.Count} namespaces ({string.Join(", ", file.Namespaces)}); one file-scoped namespace per file";
        }

        var actual = file.Namespaces.SingleOrDefault();
        if (actual is null && (file.TopLevelTypes.Count == 0 || expected is null))
        {
            return null;
        }

        return actual == expected ? null : $"namespace {actual ?? "(global)"}, expected {expected ?? "(global)"} ({why})";
    }

    private static string DefaultNamespace(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 2 ? $"{parts[0]}.{parts[1]}" : parts[0];
    }

    private static Func<SourceFile, string?> Fixed(string ns) => _ => ns;

    private static string? NotCompiled(SourceFile _) => null;

    /// <summary>The namespace of a file under ThalNet.Runtime/Kinds by the role of what it declares.</summary>
    private static string? KindRole(SourceFile file) =>
        file.TopLevelTypes.Any(t => t.Name == "Tape" && t.IsPartial) ? "ThalNet.Runtime"
        : file.TopLevelTypes.Any(t => t.IsPublic) ? "ThalNet.Runtime.Nn"
        : "ThalNet.Runtime.Kernels";

    private static IEnumerable<SourceFile> SourceFiles()
    {
        var root = RepositoryRoot();
        var separator = Path.DirectorySeparatorChar;
        return Projects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(Path.GetRelativePath(root, f).Replace(separator, '/'), File.ReadAllText(f)));
    }

    private static SourceFile Parse(string path, string text)
    {
        var code = CommentOrString().Replace(text, " ");
        var namespaces = NamespaceDeclaration().Matches(code).Select(m => m.Groups["name"].Value).ToList();
        var types = TopLevelType().Matches(code)
            .Select(m => new DeclaredType(m.Groups["name"].Value, m.Groups["modifiers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        return new SourceFile(path, namespaces, types);
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    /// <summary>A type declared at the start of a line: top level, since every file has a file-scoped namespace.</summary>
    [GeneratedRegex(@"^(?<modifiers>(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|ref|unsafe)\s+)*)(?:class|struct|interface|enum|record|delegate\s+[\w.<>\[\]?, ]+?)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\\n])'|"""""".*?""""""|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    /// <summary>One declared exception: the files under <paramref name="Folder"/> (a path from the repository root) are in the namespace <paramref name="Expected"/> gives (null: none).</summary>
    internal sealed record NamespaceRule(string Folder, Func<SourceFile, string?> Expected, string Reason)
    {
        public bool Covers(string path) => path.StartsWith(Folder + "/", StringComparison.Ordinal);
    }

    /// <summary>A source file by its path from the repository root ('/'-separated), its namespace declarations and its top-level types.</summary>
    internal sealed record SourceFile(string Path, IReadOnlyList<string> Namespaces, IReadOnlyList<DeclaredType> TopLevelTypes);

    internal sealed record DeclaredType(string Name, IReadOnlyList<string> Modifiers)
    {
        public bool IsPublic => Modifiers.Contains("public");

        public bool IsPartial => Modifiers.Contains("partial");
    }
}
