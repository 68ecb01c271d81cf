namespace ThalNet.Generators.Pipeline;

/// <summary>
/// All models of the project, from both forms; a model named twice in one namespace is generated once, and
/// none is generated without a runtime (ThalNet.Runtime or ThalNet.TorchSharp), whose types the generated code uses.
/// </summary>
internal static class ModelSet
{
    /// <param name="yaml">The models compiled from <c>*.thalnet.yaml</c> files; they count as the first definition of a model that a class defines again.</param>
    /// <param name="attributes">The models compiled from attributed classes.</param>
    /// <param name="backends">The runtimes the compilation references; with none, each valid model gets THAL0035 instead of code.</param>
    public static ImmutableArray<ModelResult> Combine(ImmutableArray<ModelResult> yaml, ImmutableArray<ModelResult> attributes, Backends backends)
    {
        var origins = new HashSet<string>();
        var firstDefinitions = new Dictionary<string, string>();
        var results = ImmutableArray.CreateBuilder<ModelResult>(yaml.Length + attributes.Length);
        foreach (var result in yaml.Concat(attributes))
        {
            // A spec file listed twice in AdditionalFiles is one spec.
            if (!origins.Add(result.Origin))
            {
                continue;
            }

            if (result.Model is { } model && firstDefinitions.TryGetValue(model.FullName, out var first))
            {
                var duplicate = SpecDiagnostics.DuplicateModel.Create(result.NameLocation, model.FullName, first);
                results.Add(result with { Model = null, Diagnostics = result.Diagnostics.Append(duplicate).ToEquatableArray() });
                continue;
            }

            if (result.Model is { } defined)
            {
                firstDefinitions[defined.FullName] = result.Origin;
                if (!backends.Any)
                {
                    var missing = SpecDiagnostics.RuntimeNotReferenced.Create(result.NameLocation, defined.FullName);
                    results.Add(result with { Model = null, Diagnostics = result.Diagnostics.Append(missing).ToEquatableArray() });
                    continue;
                }
            }

            results.Add(result.Model is { } emitted ? result with { Model = emitted with { Backends = backends } } : result);
        }

        return results.ToImmutable();
    }
}
