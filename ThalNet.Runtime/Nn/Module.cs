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

    /// <summary>Every parameter, in the order of <see cref="NamedParameters"/>.</summary>
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

    /// <summary>The direct child modules with their names, in registration order.</summary>
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

    /// <summary>Sets training mode (true) or evaluation mode (false) on this module and every descendant.</summary>
    public void Train(bool training = true)
    {
        IsTraining = training;
        foreach (var child in _children)
        {
            child.Value.Train(training);
        }
    }

    /// <summary>Evaluation mode on this module and every descendant: the same as <c>Train(false)</c>.</summary>
    public void Eval() => Train(false);

    /// <summary>
    /// Zeroes the gradient of every parameter (call it before each backward pass unless gradients should add up).
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var p in NamedParameters())
        {
            p.Value.ZeroGrad();
        }
    }

    /// <summary>Registers a parameter under <paramref name="name"/>, the last part of its path; returns it.</summary>
    /// <exception cref="ArgumentException">When the name is empty, contains a dot or is already taken on this
    /// module.</exception>
    protected Parameter AddParameter(string name, Parameter parameter)
    {
        ValidateName(name);
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a child module under <paramref name="name"/>, the part of its parameters' paths it adds;
    /// returns it.</summary>
    /// <exception cref="ArgumentException">When the name is empty, contains a dot or is already taken on this
    /// module.</exception>
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
