using System.Text.RegularExpressions;
using ThalNet.Generators.Tests.Infrastructure;

namespace ThalNet.Generators.Tests;

/// <summary>The code of docs/typed-api.md (several outputs) and docs/torchsharp.md (a TorchSharp loop, also in README.md) compiles against the models it names.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_typed_api_page_multi_output_example_compiles_cleanly_against_the_generated_MultiTaskNet()
    {
        var snippet = CSharpBlocks().Matches(Page("typed-api.md")).Select(m => m.Groups["code"].Value).Single(code => code.Contains("new MultiTaskNet.Batch", StringComparison.Ordinal));
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

    [Fact]
    public void The_TorchSharp_page_loop_compiles_cleanly_against_the_generated_SequentialMnistNetTorch()
    {
        var snippet = CSharpBlocks().Matches(Page("torchsharp.md")).Select(m => m.Groups["code"].Value).Single(code => code.Contains("new SequentialMnistNetTorch.Batch", StringComparison.Ordinal));
        var source = $$"""
            using System.Collections.Generic;
            using ThalNet.Examples.SequentialMnist;
            using ThalNet.TorchSharp;
            using TorchSharp;

            namespace Consumer.App;

            /// <summary>The page's code.</summary>
            public static class Readme
            {
                /// <summary>Runs it.</summary>
                public static void Run(IEnumerable<(torch.Tensor Images, torch.Tensor Labels)> data, torch.Tensor pixels)
                {
            {{snippet}}
                    _ = outputs.Digit;
                }
            }
            """;

        var result = GeneratorHarness.Run(GeneratorHarness.CompilationWithTorchSharp(source), GeneratorHarness.Driver([TestSpecs.File("SequentialMnist.thalnet.yaml")]));

        Assert.Empty(result.DiagnosticLines);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void The_readme_shows_the_TorchSharp_page_loop_verbatim()
    {
        var loop = CSharpBlocks().Matches(Page("torchsharp.md")).Select(m => m.Value).Single(code => code.Contains("new SequentialMnistNetTorch.Batch", StringComparison.Ordinal));

        Assert.Contains(loop, File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string Page(string name) => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", name)).ReplaceLineEndings("\n");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThalNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ThalNet.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
