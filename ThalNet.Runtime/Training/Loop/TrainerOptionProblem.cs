namespace ThalNet.Runtime.Training;

/// <summary>
/// One thing wrong with a <see cref="TrainerOptions"/>: the property, what is wrong with its value, and the other
/// property to set when the fix lies there. A command line shows it under its own option names.
/// </summary>
/// <param name="Property">The property at fault, e.g. <c>BatchSize</c>.</param>
/// <param name="Problem">What is wrong, to follow the property's name: "must be at least 1, got 0".</param>
/// <param name="Needs">The property to set instead, when setting it is the fix.</param>
public sealed record TrainerOptionProblem(string Property, string Problem, string? Needs = null)
{
    /// <summary>The problem as one sentence, naming properties through <paramref name="nameOf"/> (e.g. to command-line options).</summary>
    public string Describe(Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        return $"{nameOf(Property)} {Problem}" + (Needs is null ? "." : $"; set {nameOf(Needs)}.");
    }

    /// <summary>
    /// The problem as one sentence under the properties' own names (<c>BatchSize must be at least 1, got 0.</c>).
    /// </summary>
    public override string ToString() => Describe(name => name);
}
