namespace ThalNet.Generated.Tests;

/// <summary>The sequential-MNIST spec written as attributes instead of YAML; the generator completes the class.</summary>
[ThalNetModel(Substeps = 1, Center = 128, Budget = 50000)]
[ThalNetInput("pixels", 28)]
[ThalNetDefaults(Reading = "weight-norm", Context = 32, Layers = new[] { "ff 32 relu", "gru 32" })]
[ThalNetModule("vision", Role = "input", Inputs = new[] { "pixels" })]
[ThalNetModule("side1", Role = "side")]
[ThalNetModule("side2", Role = "side")]
[ThalNetModule("decision", Role = "output")]
[ThalNetOutput("decision", "digit", 10, Loss = "cross-entropy", At = "last", Weight = 1.0)]
public sealed partial class AttributeMnistNet;
