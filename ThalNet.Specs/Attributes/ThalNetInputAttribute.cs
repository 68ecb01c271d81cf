namespace ThalNet;

/// <summary>A task input: <c>[ThalNetInput("pixels", 28)]</c> (dense) or <c>[ThalNetInput("text", Tokens = 256)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThalNetInputAttribute : Attribute
{
    public ThalNetInputAttribute(string name)
    {
        Name = name;
    }

    public ThalNetInputAttribute(string name, int size)
    {
        Name = name;
        Size = size;
    }

    public string Name { get; }

    /// <summary>Values per step of a dense input.</summary>
    public int Size { get; }

    /// <summary>Vocabulary of a token input, fed one-hot.</summary>
    public int Tokens { get; set; }
}
