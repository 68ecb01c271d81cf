namespace ThalNet.Runtime.Nn;

/// <summary>Reading and writing a module's parameters by dotted path, as PyTorch's state dict does.</summary>
public static class StateDict
{
    /// <summary>Copies of every parameter's values, keyed by dotted path, in registration order.</summary>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Save(Module module)
    {
        var named = module.NamedParameters();
        var result = new List<KeyValuePair<string, Tensor>>(named.Count);
        foreach (var (name, p) in named)
        {
            result.Add(new(name, Tensor.FromSpan(p.Data, p.Shape)));
        }

        return result;
    }

    /// <summary>
    /// Copies the given tensors into the module's parameters. With <paramref name="strict"/>, every parameter must
    /// be present and no unknown key may appear; shapes must always match. The error lists every problem.
    /// </summary>
    public static void Load(Module module, IEnumerable<KeyValuePair<string, Tensor>> state, bool strict = true)
    {
        var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var (name, p) in module.NamedParameters())
        {
            parameters[name] = p;
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(Parameter Target, Tensor Source)>();
        foreach (var (name, tensor) in state)
        {
            if (!parameters.TryGetValue(name, out var p))
            {
                if (strict)
                {
                    problems.Add($"unexpected key '{name}'");
                }

                continue;
            }

            seen.Add(name);
            if (p.Shape != tensor.Shape)
            {
                problems.Add($"'{name}' has shape {tensor.Shape} but the model expects {p.Shape}");
                continue;
            }

            pending.Add((p, tensor));
        }

        if (strict)
        {
            foreach (var name in parameters.Keys)
            {
                if (!seen.Contains(name))
                {
                    problems.Add($"missing key '{name}'");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Cannot load the state dict into {module.GetType().Name}: {string.Join("; ", problems)}.");
        }

        foreach (var (target, source) in pending)
        {
            source.Data.CopyTo(target.Data);
        }
    }
}
