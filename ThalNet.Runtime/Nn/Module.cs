namespace ThalNet.Runtime.Nn;

/// <summary>
/// A building block with named parameters and named child modules, as in PyTorch: parameter paths are the dotted
/// names of the modules that lead to them (<c>vision.gru.weight_ih</c>).
/// </summary>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Parameter>> _parameters = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Every parameter with its dotted path, in registration order (depth first).</summary>
    public IReadOnlyList<KeyValuePair<string, Parameter>> NamedParameters()
    {
        var result = new List<KeyValuePair<string, Parameter>>();
        Collect(string.Empty, result);
        return result;
    }

    public IReadOnlyList<Parameter> Parameters()
    {
        var named = NamedParameters();
        var result = new Parameter[named.Count];
        for (var i = 0; i < named.Count; i++)
        {
            result[i] = named[i].Value;
        }

        return result;
    }

    public IReadOnlyList<KeyValuePair<string, Module>> NamedChildren() => _children;

    /// <summary>Total number of scalar parameters.</summary>
    public int ParameterCount()
    {
        var count = 0;
        foreach (var p in NamedParameters())
        {
            count += p.Value.Length;
        }

        return count;
    }

    public void Train(bool training = true)
    {
        IsTraining = training;
        foreach (var child in _children)
        {
            child.Value.Train(training);
        }
    }

    public void Eval() => Train(false);

    public void ZeroGrad()
    {
        foreach (var p in NamedParameters())
        {
            p.Value.ZeroGrad();
        }
    }

    protected Parameter AddParameter(string name, Parameter parameter)
    {
        ValidateName(name);
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    protected T AddModule<T>(string name, T module)
        where T : Module
    {
        ValidateName(name);
        _children.Add(new(name, module));
        return module;
    }

    private void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid parameter or module name: it must be non-empty and contain no dot.", nameof(name));
        }

        foreach (var p in _parameters)
        {
            if (p.Key == name)
            {
                throw new ArgumentException($"A parameter named '{name}' is already registered on {GetType().Name}.", nameof(name));
            }
        }

        foreach (var c in _children)
        {
            if (c.Key == name)
            {
                throw new ArgumentException($"A module named '{name}' is already registered on {GetType().Name}.", nameof(name));
            }
        }
    }

    private void Collect(string prefix, List<KeyValuePair<string, Parameter>> result)
    {
        foreach (var p in _parameters)
        {
            result.Add(new(prefix + p.Key, p.Value));
        }

        foreach (var c in _children)
        {
            c.Value.Collect(prefix + c.Key + ".", result);
        }
    }
}
