namespace ThalNet.Specs;

/// <summary>A spec read and validated: its layout is null unless the whole way was free of errors.</summary>
public sealed record CompiledSpec(ModelSpec? Spec, ModelLayout? Layout, EquatableArray<SpecDiagnostic> Diagnostics);
