using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ThalNet.Runtime.Tests.Architecture;

/// <summary>
/// The folders of ThalNet.Runtime depend on each other one way. A folder depends on another when its code (comments
/// and string literals stripped) names a type declared there, other than as a method name (<c>tape.GruCell(</c>
/// is an operation, <c>new GruCell(</c> the layer). A partial type belongs to the folder of the file named after
/// it (Tape: Autograd/Tape.cs; Ops/Tape.*.cs and the kinds' Kinds/**/Tape.*.cs extend it), and a file naming a type it declares itself does not
/// count. The graph must have no cycle.
/// </summary>
public partial class FolderDependencyTests
{
    [Fact]
    public void Runtime_folders_have_no_dependency_cycle()
    {
        var graph = FolderGraph();

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Folder cycle in ThalNet.Runtime: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void Operations_and_layers_do_not_depend_on_analysis_or_training()
    {
        var graph = FolderGraph();

        foreach (var low in graph.Keys.Where(f => f is "Autograd" or "Ops" or "Kernels" or "Nn" or "Tensors" || f.StartsWith("Kinds/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("Analysis", graph[low].Keys);
            Assert.DoesNotContain("Training", graph[low].Keys);
        }
    }

    [Fact]
    public void Every_kernel_lives_under_Kernels_or_with_its_kind()
    {
        var outside = SourceFiles().Where(f => Folder(f) != "Kernels" && !Folder(f).StartsWith("Kinds/", StringComparison.Ordinal) && KernelsClass().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName);

        Assert.Empty(outside);
    }

    /// <summary>
    /// A kind of the catalog keeps its module, its tape operation and its kernels in one folder under Kinds
    /// (docs/extending.md): no layer, reader, loss or activation file of a moved kind is left in Nn, Ops or Kernels.
    /// </summary>
    [Theory]
    [InlineData("Kinds/Readers/Linear", "LinearReader.cs", "Tape.LinearRead.cs")]
    [InlineData("Kinds/Readers/WeightNorm", "WeightNormReader.cs", "Tape.WeightNormRead.cs")]
    [InlineData("Kinds/Layers/FeedForward", "FeedForward.cs")]
    [InlineData("Kinds/Layers/Gru", "GruCell.cs", "Tape.GruCell.cs", "GruKernels.cs")]
    [InlineData("Kinds/Layers/Lstm", "LstmCell.cs", "Tape.LstmCell.cs", "LstmKernels.cs")]
    [InlineData("Kinds/Losses/CrossEntropy", "Tape.CrossEntropy.cs")]
    [InlineData("Kinds/Losses/Mse", "Tape.Mse.cs")]
    [InlineData("Kinds/Activations", "Tape.Activations.cs", "ActivationFunction.cs", "ActivationFunctions.cs")]
    public void A_kind_lives_in_one_folder(string folder, params string[] files)
    {
        var root = RuntimeFolder();
        var all = SourceFiles().Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).ToList();

        foreach (var file in files)
        {
            Assert.Equal([$"{folder}/{file}"], all.Where(f => Path.GetFileName(f) == file));
        }
    }

    /// <summary>Folder -> folder it depends on -> one type that makes it so (for the failure message).</summary>
    internal static Dictionary<string, Dictionary<string, string>> FolderGraph()
    {
        var files = SourceFiles().Select(f => (Folder: Folder(f), Code: StripCommentsAndStrings(File.ReadAllText(f)))).ToList();
        var declared = files.Select(f => (f.Folder, Types: DeclaredTypes(f.Code))).ToList();
        var paths = SourceFiles().ToList();
        var owners = declared.SelectMany(d => d.Types.Select(t => (Type: t, d.Folder))).GroupBy(x => x.Type).ToDictionary(
            g => g.Key,
            g => paths.Where(p => Path.GetFileName(p) == g.Key + ".cs").Select(Folder).Take(1).DefaultIfEmpty().First() is { } home
                ? [home]
                : g.Select(x => x.Folder).Distinct().ToList());
        var graph = files.Select(f => f.Folder).Distinct().ToDictionary(f => f, _ => new Dictionary<string, string>());
        for (var i = 0; i < files.Count; i++)
        {
            var own = declared[i].Types;
            foreach (Match word in Identifier().Matches(files[i].Code))
            {
                if (IsMethodName(files[i].Code, word) || own.Contains(word.Value) || !owners.TryGetValue(word.Value, out var folders))
                {
                    continue;
                }

                foreach (var folder in folders.Where(f => f != files[i].Folder))
                {
                    graph[files[i].Folder].TryAdd(folder, word.Value);
                }
            }
        }

        return graph;
    }

    private static bool IsMethodName(string code, Match word)
    {
        var after = word.Index + word.Length;
        while (after < code.Length && code[after] == ' ')
        {
            after++;
        }

        var isCall = after < code.Length && (code[after] == '(' || code[after] == '<');
        return isCall && !code[..word.Index].TrimEnd().EndsWith("new", StringComparison.Ordinal);
    }

    private static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        foreach (var start in graph.Keys.Order())
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Keys.Order())
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static string Describe(Dictionary<string, Dictionary<string, string>> graph) =>
        string.Join("\n", graph.OrderBy(g => g.Key).Select(g => $"{g.Key} -> {string.Join(", ", g.Value.OrderBy(e => e.Key).Select(e => $"{e.Key} ({e.Value})"))}"));

    private static HashSet<string> DeclaredTypes(string code) => [.. TypeDeclaration().Matches(code).Select(m => m.Groups["name"].Value)];

    private static string StripCommentsAndStrings(string code) => CommentOrString().Replace(code, " ");

    private static IEnumerable<string> SourceFiles()
    {
        var root = RuntimeFolder();
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    /// <summary>
    /// The top folder under ThalNet.Runtime, except that each kind's folder under Kinds (Kinds/Layers/Gru,
    /// Kinds/Activations) is a folder of its own; files at the root form the folder "(root)".
    /// </summary>
    private static string Folder(string file)
    {
        var parts = Path.GetRelativePath(RuntimeFolder(), file).Split(Path.DirectorySeparatorChar)[..^1];
        return parts.Length == 0 ? "(root)"
            : parts[0] == "Kinds" ? string.Join('/', parts.Take(3))
            : parts[0];
    }

    private static string RuntimeFolder([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "ThalNet.Runtime"));

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?<name>[A-Z][A-Za-z0-9]*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(?:\\.|[^""\\\n])*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"\bclass\s+[A-Za-z0-9]*Kernels\b")]
    private static partial Regex KernelsClass();
}
