namespace ThalNet.Generators.Pipeline;

/// <summary>
/// One spec, YAML file or attributed class, after compilation: the model to emit (null when the spec
/// or its class has an error) and every diagnostic. Values only, so the pipeline can cache on equality.
/// </summary>
/// <param name="Origin">The spec file's path or the class's full name, for messages and for dropping a file listed twice.</param>
/// <param name="Model">The model to emit, or null when the spec or its class has an error.</param>
/// <param name="NameLocation">Where the model is named, for a model defined twice.</param>
/// <param name="Diagnostics">Every diagnostic of the spec and its class, errors and warnings.</param>
internal sealed record ModelResult(string Origin, GeneratedModel? Model, SourceLocation NameLocation, EquatableArray<SpecDiagnostic> Diagnostics)
{
    public static ModelResult Failed(string origin, SourceLocation location, Exception exception)
        => new(origin, null, location, EquatableArray.Create(Failure(origin, location, exception)));

    /// <summary>THAL0034: what the generator reports instead of throwing.</summary>
    public static SpecDiagnostic Failure(string origin, SourceLocation location, Exception exception)
        => SpecDiagnostics.GeneratorFailure.Create(location, origin, exception.GetType().Name + ": " + exception.Message);
}
