namespace ThalNet.Specs;

/// <summary>A spec as read (null when nothing usable could be read) and the problems found reading it.</summary>
public sealed record SpecParseResult(ModelSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics);
