using System.Text.RegularExpressions;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>The typed-API page's example with several outputs (docs/typed-api.md) compiles against the model it names.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_typed_api_page_multi_output_example_compiles_cleanly_against_the_generated_MultiTaskNet()
    {
        var snippet = CSharpBlocks().Matches(TypedApiPage()).Select(m => m.Groups["code"].Value).Single(code => code.Contains("new MultiTaskNet.Batch", StringComparison.Ordinal));
        var source = $$"""
            using System;
            using ThalNet.Examples.MultiTask;
            using ThalNet.Runtime;
            using ThalNet.Runtime.Optim;

            namespace Consumer.App;

            /// <summary>The page's code.</summary>
            public static class Readme
            {
                /// <summary>Runs it.</summary>
                public static void Run()
                {
            {{snippet}}
                }
            }
            """;

        var result = GeneratorHarness.Run([TestSpecs.File("MultiTask.thalnet.yaml")], source);

        Assert.Empty(result.DiagnosticLines);
        result.AssertCompilesCleanly();
    }

    private static string TypedApiPage()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var page = Path.Combine(folder.FullName, "docs", "typed-api.md");
            if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
            {
                return File.ReadAllText(page).ReplaceLineEndings("\n");
            }
        }

        throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
