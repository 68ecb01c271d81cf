using Microsoft.CodeAnalysis;
using ThalNet.Generators.Attributes;
using ThalNet.Generators.Diagnostics;
using ThalNet.Generators.Emit;
using ThalNet.Generators.Pipeline;
using Steps = ThalNet.Generators.ThalNetGeneratorStepNames;

namespace ThalNet.Generators;

/// <summary>
/// Turns ThalNet specs, <c>*.thalnet.yaml</c> additional files and <c>[ThalNetModel]</c> partial classes, into
/// typed model classes, or into diagnostics at the place of each mistake. Never throws: a failure inside the
/// generator becomes THAL0034 and no code for that spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ThalNetGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) ? ns.Trim() : "")
            .WithTrackingName(Steps.RootNamespace);

        var yamlModels = context.AdditionalTextsProvider
            .Where(file => YamlFile.IsSpec(file.Path))
            .Select(YamlModels.Read)
            .WithTrackingName(Steps.YamlFiles)
            .Combine(rootNamespace)
            .Select((input, _) => YamlModels.Compile(input.Left, input.Right))
            .WithTrackingName(Steps.YamlModels);

        var attributeModels = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.ModelMetadataName, AttributeModels.IsCandidate, AttributeModels.Read)
            .WithTrackingName(Steps.AttributeArguments)
            .Select((spec, _) => AttributeModels.Compile(spec))
            .WithTrackingName(Steps.AttributeModels);

        // Two bools, so an edit anywhere leaves this step unchanged and the models cached.
        var runtimeReferenced = context.CompilationProvider
            .Select((compilation, _) => new Backends(
                Engine: compilation.GetTypeByMetadataName(AttributeNames.BaseClass) is not null,
                TorchSharp: compilation.GetTypeByMetadataName(AttributeNames.TorchBaseClass) is not null))
            .WithTrackingName(Steps.RuntimeReference);

        var allModels = yamlModels.Collect()
            .Combine(attributeModels.Collect())
            .Combine(runtimeReferenced)
            .SelectMany((input, _) => ModelSet.Combine(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(Steps.AllModels);

        var sources = allModels
            .Where(result => result.Model is not null)
            .Select((result, _) => result.Model!)
            .WithTrackingName(Steps.ModelSources);

        var diagnostics = allModels
            .Select((result, _) => result.Diagnostics)
            .WithTrackingName(Steps.Diagnostics);

        context.RegisterSourceOutput(sources, Emit);
        context.RegisterSourceOutput(diagnostics, Report);
    }

    private static void Emit(SourceProductionContext context, GeneratedModel model)
    {
        if (model.Backends.Engine)
        {
            Emit(context, model, model.HintName, ModelEmitter.Emit);
        }

        if (model.Backends.TorchSharp)
        {
            Emit(context, model, model.TorchHintName, TorchModelEmitter.Emit);
        }
    }

    private static void Emit(SourceProductionContext context, GeneratedModel model, string hintName, Func<GeneratedModel, string> emitter)
    {
        string source;
        try
        {
            source = emitter(model);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = ModelResult.Failure($"model '{model.FullName}'", SourceLocation.None, exception);
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(failure));
            return;
        }

        context.AddSource(hintName, source);
    }

    private static void Report(SourceProductionContext context, EquatableArray<SpecDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
        }
    }
}
