namespace ThalNet.Specs;

public enum SpecSeverity
{
    Warning,
    Error,
}
