using Microsoft.CodeAnalysis;
using ThalNet.Generators.Diagnostics;

namespace ThalNet.Generators.Pipeline;

/// <summary>The YAML half of the pipeline: reading spec files and compiling them. Never throws.</summary>
internal static class YamlModels
{
    public static YamlFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            return file.GetText(cancellationToken) is { } text
                ? new YamlFile(file.Path, text.ToString(), null)
                : new YamlFile(file.Path, null, ModelResult.Failure(file.Path, Locations.FileStart(file.Path), new InvalidOperationException("the file could not be read")));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new YamlFile(file.Path, null, ModelResult.Failure(file.Path, Locations.FileStart(file.Path), exception));
        }
    }

    /// <param name="file">The spec file as read: its text, or the failure to read it.</param>
    /// <param name="rootNamespace">The namespace of a spec that names none (the project's root namespace; empty for the global one).</param>
    public static ModelResult Compile(YamlFile file, string rootNamespace)
    {
        var start = Locations.FileStart(file.Path);
        if (file.Text is null)
        {
            return new ModelResult(file.Path, null, start, file.ReadFailure is { } failure ? EquatableArray.Create(failure) : default);
        }

        try
        {
            var compiled = SpecCompiler.FromYaml(file.Path, file.Text);
            var model = compiled.Layout is { } layout ? new GeneratedModel(layout.Namespace ?? rootNamespace, StepPlanner.Build(layout)) : null;
            return new ModelResult(file.Path, model, compiled.Spec?.Name.ValueLocation ?? start, compiled.Diagnostics);
        }
        catch (Exception exception)
        {
            return ModelResult.Failed(file.Path, start, exception);
        }
    }
}
