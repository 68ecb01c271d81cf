namespace ThalNet.Generators.Pipeline;

/// <summary>All models of the project, from both forms; a model named twice in one namespace is generated once.</summary>
internal static class ModelSet
{
    public static ImmutableArray<ModelResult> Combine(ImmutableArray<ModelResult> yaml, ImmutableArray<ModelResult> attributes)
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
            }

            results.Add(result);
        }

        return results.ToImmutable();
    }
}
