namespace ThalNet.Generators.Pipeline;

/// <summary>
/// All models of the project, from both forms; a model named twice in one namespace is generated once, and
/// none is generated without ThalNet.Runtime, whose types the generated code uses.
/// </summary>
internal static class ModelSet
{
    /// <param name="runtimeReferenced">Whether the compilation references ThalNet.Runtime; when not, each valid model gets THAL0035 instead of code.</param>
    public static ImmutableArray<ModelResult> Combine(ImmutableArray<ModelResult> yaml, ImmutableArray<ModelResult> attributes, bool runtimeReferenced)
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
                if (!runtimeReferenced)
                {
                    var missing = SpecDiagnostics.RuntimeNotReferenced.Create(result.NameLocation, defined.FullName);
                    results.Add(result with { Model = null, Diagnostics = result.Diagnostics.Append(missing).ToEquatableArray() });
                    continue;
                }
            }

            results.Add(result);
        }

        return results.ToImmutable();
    }
}
