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

    /// <summary>The program that trains the model through its typed batch, shown in full in the README.</summary>
    public static string Program => Read("Program.cs.txt");

    /// <summary>Writes Program.cs and the spec into a project folder; returns the spec's path.</summary>
    public static string Write(string projectFolder, string spec)
    {
        File.WriteAllText(Path.Combine(projectFolder, "Program.cs"), Program);
        var specPath = Path.Combine(projectFolder, SpecFileName);
        File.WriteAllText(specPath, spec);
        return specPath;
    }

    /// <summary>Writes the TorchSharp program (it trains <c>TinyNetTorch</c>) and the spec into a project folder.</summary>
    public static void WriteTorchSharp(string projectFolder, string spec)
    {
        File.WriteAllText(Path.Combine(projectFolder, "Program.cs"), Read("TorchProgram.cs.txt"));
        File.WriteAllText(Path.Combine(projectFolder, SpecFileName), spec);
    }

    /// <summary>The spec with <c>center: 20</c>, two more than its modules' features.</summary>
    public static string WrongCenterSpec => CenterLine().Replace(Spec, "${key}20", 1);

    /// <summary>
    /// What the compiler reports for <see cref="WrongCenterSpec"/> after the spec's path: THAL0007 at the line and
    /// column of the <c>center</c> value, with every module's size.
    /// </summary>
    public static string WrongCenterError
    {
        get
        {
            var spec = WrongCenterSpec;
            var match = CenterLine().Match(spec);
            var line = spec[..match.Index].Count(c => c == '\n') + 1;
            var column = match.Groups["key"].Length + 1;
            return $"({line},{column}): error THAL0007: Declared center 20 does not match the sum of module feature sizes 18 (sense 8 + decide 10)";
        }
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", name));

    [GeneratedRegex(@"^(?<key>center:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex CenterLine();
}
