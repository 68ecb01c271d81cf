namespace ThalNet.Specs;

/// <summary>How severe a spec diagnostic is.</summary>
public enum SpecSeverity
{
    /// <summary>The spec still compiles; the code is generated.</summary>
    Warning,
    /// <summary>The spec is rejected; no code is generated for it.</summary>
    Error,
}
