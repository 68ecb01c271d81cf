using System.Text.RegularExpressions;

namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>The files a user writes (Consumer/ in this project): a tiny spec and a program that trains its model.</summary>
internal static partial class ConsumerFiles
{
    /// <summary>The project name; the spec names no namespace, so the model lands in the root namespace, TinyApp.</summary>
    public const string ProjectName = "TinyApp";

    public const string SpecFileName = "model.thalnet.yaml";

    /// <summary>The spec, with a center that matches its modules (sense 8 + decide 10).</summary>
    public static string Spec => Read("tiny.thalnet.yaml");

    /// <summary>Writes Program.cs and the spec into a project folder; returns the spec's path.</summary>
    public static string Write(string projectFolder, string spec)
    {
        File.WriteAllText(Path.Combine(projectFolder, "Program.cs"), Read("Program.cs.txt"));
        var specPath = Path.Combine(projectFolder, SpecFileName);
        File.WriteAllText(specPath, spec);
        return specPath;
    }

    /// <summary>The spec with another <c>center</c> value.</summary>
    public static string WithCenter(string spec, int center) => CenterLine().Replace(spec, $"${{key}}{center}", 1);

    /// <summary>The 1-based line and column of the <c>center</c> value, where a center mismatch is reported.</summary>
    public static (int Line, int Column) CenterValuePosition(string spec)
    {
        var match = CenterLine().Match(spec);
        Assert.True(match.Success, $"no top-level 'center:' in\n{spec}");
        var line = spec[..match.Index].Count(c => c == '\n') + 1;
        return (line, match.Groups["key"].Length + 1);
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", name));

    [GeneratedRegex(@"^(?<key>center:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex CenterLine();
}
