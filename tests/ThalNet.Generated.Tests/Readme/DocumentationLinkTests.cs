using System.Text.RegularExpressions;

namespace ThalNet.Generated.Tests.Readme;

/// <summary>README.md and the pages under docs/: every relative link resolves, the index lists every page, the README stays short.</summary>
public sealed partial class DocumentationLinkTests
{
    private const int ReadmeMaxLines = 250;

    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_resolves()
    {
        var root = RepositoryRoot();
        var links = MarkdownFiles(root).SelectMany(file => Links(file).Select(target => (File: file, Target: target))).ToList();
        var broken = links.Where(link => Problem(link.File, link.Target) is not null)
            .Select(link => $"{Path.GetRelativePath(root, link.File)}: ({link.Target}) {Problem(link.File, link.Target)}")
            .ToList();

        Assert.NotEmpty(links);
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_docs_index_links_every_page()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        var index = Path.Combine(docs, "README.md");
        var linked = Links(index).Select(target => Path.GetFullPath(Path.Combine(docs, target.Split('#')[0]))).ToHashSet(StringComparer.Ordinal);

        var unlisted = Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories)
            .Where(page => page != index && !linked.Contains(Path.GetFullPath(page)))
            .Select(page => Path.GetRelativePath(docs, page))
            .ToList();

        Assert.True(unlisted.Count == 0, "docs/README.md does not link: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void The_readme_is_a_front_door_of_at_most_250_lines()
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;

        Assert.True(lines <= ReadmeMaxLines, $"README.md has {lines} lines; longer prose belongs in a page under docs/ (listed in docs/README.md).");
    }

    /// <summary>Why a link does not resolve, or null when it does: the file or folder must exist, and an anchor into a Markdown file must name one of its headings.</summary>
    private static string? Problem(string file, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "no such file or folder";
        }

        if (anchor is null || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Headings(resolved).Contains(anchor) ? null : $"no heading '#{anchor}' in {Path.GetFileName(resolved)}";
    }

    /// <summary>The relative targets of a file's inline links and images, outside code blocks and code spans (link-like text in code is not a link).</summary>
    private static IEnumerable<string> Links(string file) =>
        OutsideFences(file).Select(line => CodeSpan().Replace(line, "")).SelectMany(line => InlineLink().Matches(line).Select(m => m.Groups["target"].Value))
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>GitHub's anchors for the headings of a Markdown file: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Headings(string file) =>
        OutsideFences(file).Select(line => HeadingLine().Match(line)).Where(m => m.Success)
            .Select(m => AnchorPunctuation().Replace(m.Groups["title"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The lines of a Markdown file outside fenced code blocks.</summary>
    private static IEnumerable<string> OutsideFences(string file)
    {
        var inFence = false;
        foreach (var line in File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> MarkdownFiles(string root) =>
        Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Prepend(Path.Combine(root, "README.md"));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\s_-]")]
    private static partial Regex AnchorPunctuation();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();
}
