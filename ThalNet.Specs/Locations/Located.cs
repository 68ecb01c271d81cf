namespace ThalNet.Specs;

/// <summary>
/// A spec value with where it was written: the key (YAML key or attribute argument name) and the
/// value itself. For list items and positional arguments the key location is the value location.
/// Equality includes the locations on purpose: a moved value must re-report its diagnostics.
/// </summary>
public readonly record struct Located<T>(T Value, SourceLocation KeyLocation, SourceLocation ValueLocation)
{
    public Located(T value, SourceLocation location)
        : this(value, location, location)
    {
    }

    public Located<T> WithoutLocations() => new(Value, SourceLocation.None, SourceLocation.None);

    public Located<TResult> With<TResult>(TResult value) => new(value, KeyLocation, ValueLocation);

    public override string ToString() => Value?.ToString() ?? "";
}
