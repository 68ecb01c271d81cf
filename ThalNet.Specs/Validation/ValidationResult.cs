namespace ThalNet.Specs;

/// <summary>The layout of a valid spec (null when any error was found) and the problems found.</summary>
public sealed record ValidationResult(ModelLayout? Layout, EquatableArray<SpecDiagnostic> Diagnostics);
