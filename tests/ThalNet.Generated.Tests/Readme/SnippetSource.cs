using System.Text.RegularExpressions;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>Finds the repository and reads a compiled snippet region (<c>// snippet: NAME</c> to <c>// end snippet</c>) as documentation shows it.</summary>
internal static class SnippetSource
{
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    /// <summary>The region <paramref name="name"/> of this folder's <paramref name="file"/>, its common indentation removed, with <c>\n</c> line ends.</summary>
    public static string Region(string file, string name)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "ThalNet.Generated.Tests", "Readme", file)).ReplaceLineEndings("\n");
        var region = Regex.Match(source, $@"// snippet: {name}\n(?<code>.*?)\n\s*// end snippet", RegexOptions.Singleline).Groups["code"].Value;
        var lines = region.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
