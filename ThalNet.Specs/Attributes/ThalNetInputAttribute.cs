namespace ThalNet;

/// <summary>A task input: <c>[ThalNetInput("pixels", 28)]</c> (dense) or <c>[ThalNetInput("text", Tokens = 256)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetInputAttribute : Attribute
{
    /// <summary>A token input; give its vocabulary with <see cref="Tokens"/>.</summary>
    /// <param name="name">The input's name, as modules list it in their <c>Inputs</c>.</param>
    public ThalNetInputAttribute(string name)
    {
        Name = name;
    }

    /// <summary>A dense input of <paramref name="size"/> values per step.</summary>
    /// <param name="name">The input's name, as modules list it in their <c>Inputs</c>.</param>
    /// <param name="size">Values per step.</param>
    public ThalNetInputAttribute(string name, int size)
    {
        Name = name;
        Size = size;
    }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>Values per step of a dense input.</summary>
    public int Size { get; }

    /// <summary>Vocabulary of a token input, fed one-hot.</summary>
    public int Tokens { get; set; }
}
