namespace ThalNet.Generators.Emit;

/// <summary>Fully qualified names of what generated TorchSharp models use from TorchSharp and ThalNet.TorchSharp.</summary>
internal static class TorchTypes
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Device = "global::TorchSharp.torch.Device";
    public const string Torch = "global::TorchSharp.torch";
    public const string NnModule = "global::TorchSharp.torch.nn.Module";
    public const string ComponentName = "global::TorchSharp.Utils.ComponentName";
    public const string ScalarType = "global::TorchSharp.torch.ScalarType";

    public const string Model = "global::ThalNet.TorchSharp.Models.TorchThalNetModel";
    public const string ModelState = "global::ThalNet.TorchSharp.Models.TorchModelState";
    public const string ModelInfo = "global::ThalNet.TorchSharp.Models.TorchModelInfo";
    public const string InputInfo = "global::ThalNet.TorchSharp.Models.TorchInputInfo";
    public const string ModuleInfo = "global::ThalNet.TorchSharp.Models.TorchModuleInfo";
    public const string OutputInfo = "global::ThalNet.TorchSharp.Models.TorchOutputInfo";
    public const string Reader = "global::ThalNet.TorchSharp.Nn.Reader";
    public const string ActiveModules = "global::ThalNet.TorchSharp.Nn.ActiveModules";
    public const string Loss = "global::ThalNet.TorchSharp.Models.TorchLoss";

    public const string ActivationEnum = "global::ThalNet.Specs.Activation";

    /// <summary>
    /// A submodule as TorchSharp wants it: a field that <c>RegisterComponents()</c> registers under the spec's name
    /// (which may hold a hyphen), and a typed property over it. An auto-property's backing field would be registered
    /// a second time, as <c>&lt;Read&gt;k__BackingField</c>, when the module becomes another's submodule.
    /// </summary>
    public static void WriteSubmodule(CodeWriter w, string type, string member, string name, string summary)
    {
        w.Line($"[{ComponentName}(Name = {Literals.String(name)})]");
        w.Line($"private readonly {type} {Field(member)};");
        w.Line();
        w.Line($"/// <summary>{summary}</summary>");
        w.Line($"public {type} {member} => {Field(member)};");
    }

    /// <summary>The field behind a submodule property: <c>Vision</c> -> <c>_vision</c>.</summary>
    public static string Field(string member) => "_" + GeneratedNames.Camel(member);
}
