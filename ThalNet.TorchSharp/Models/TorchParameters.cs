namespace ThalNet.TorchSharp.Models;

/// <summary>One named float32 tensor as checkpoints hold it: a dotted parameter path, a row-major shape (empty for a scalar) and its values.</summary>
public sealed record NamedValues(string Name, int[] Shape, ReadOnlyMemory<float> Values);

/// <summary>
/// Moves parameter values in and out of a TorchSharp module by their dotted paths, the same paths the engine uses,
/// so a checkpoint of either backend (e.g. through ThalNet.Runtime's safetensors reader and writer) fits the other.
/// </summary>
public static class TorchParameters
{
    /// <summary>Every parameter's values, copied to the CPU, in registration order.</summary>
    public static IReadOnlyList<NamedValues> Save(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return [.. module.named_parameters().Select(p => Copy(p.name, p.parameter))];
    }

    /// <summary>The values of <paramref name="tensor"/> (a parameter, or optimizer state), copied to the CPU under <paramref name="name"/>.</summary>
    public static NamedValues Copy(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var cpu = tensor.detach().cpu().contiguous();
        return new NamedValues(name, cpu.shape.Select(d => checked((int)d)).ToArray(), cpu.data<float>().ToArray());
    }

    /// <summary>
    /// Copies <paramref name="values"/> into the module's parameters (on whatever device they live), keeping them
    /// trainable. Names that are no parameter are ignored unless <paramref name="strict"/>; with it, every parameter
    /// must be given, and every name must be a parameter.
    /// </summary>
    /// <exception cref="ArgumentException">A shape differs, or (strict) a parameter is missing or a name unknown; the message lists them all.</exception>
    public static void Load(nn.Module module, IEnumerable<NamedValues> values, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(values);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        var given = values.ToList();
        var problems = new List<string>();
        foreach (var value in given)
        {
            if (!parameters.TryGetValue(value.Name, out var parameter))
            {
                if (strict)
                {
                    problems.Add($"'{value.Name}' is not a parameter of the model");
                }

                continue;
            }

            if (!parameter.shape.SequenceEqual(value.Shape.Select(d => (long)d)))
            {
                problems.Add($"'{value.Name}' has shape [{string.Join(", ", value.Shape)}], the model's is [{string.Join(", ", parameter.shape)}]");
            }
        }

        if (strict)
        {
            var names = given.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(parameters.Keys.Where(name => !names.Contains(name)).Select(name => $"parameter '{name}' is missing"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The values do not fit the model: " + string.Join("; ", problems) + ".", nameof(values));
        }

        using (torch.no_grad())
        {
            foreach (var value in given)
            {
                if (parameters.TryGetValue(value.Name, out var parameter))
                {
                    using var source = torch.tensor(value.Values.ToArray(), parameter.shape);
                    parameter.copy_(source);
                }
            }
        }
    }
}
