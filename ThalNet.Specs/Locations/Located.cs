namespace ThalNet.Specs;

/// <summary>
/// A spec value with where it was written: the key (YAML key or attribute argument name) and the
/// value itself. For list items and positional arguments the key location is the value location.
/// Equality includes the locations on purpose: a moved value must re-report its diagnostics.
/// </summary>
public readonly record struct Located<T>(T Value, SourceLocation KeyLocation, SourceLocation ValueLocation)
{
    /// <summary>A value whose key and value are at the same place (list items, positional arguments).</summary>
    public Located(T value, SourceLocation location)
        : this(value, location, location)
    {
    }

    /// <summary>
    /// The same value with both locations set to <see cref="SourceLocation.None"/>, for comparing specs regardless of
    /// where they were written.
    /// </summary>
    public Located<T> WithoutLocations() => new(Value, SourceLocation.None, SourceLocation.None);

    /// <summary>Another value at the same key and value locations.</summary>
    public Located<TResult> With<TResult>(TResult value) => new(value, KeyLocation, ValueLocation);

    /// <summary>The value's text, or empty when the value is null.</summary>
    public override string ToString() => Value?.ToString() ?? "";
}
