namespace ThalNet.Specs;

/// <summary>The engines a compiled model can run on; every catalog entry names its implementation on each.</summary>
public enum Backend
{
    /// <summary>ThalNet.Runtime's own float32 CPU engine.</summary>
    Engine,

    /// <summary>ThalNet.TorchSharp: the same modules as TorchSharp <c>nn.Module</c>s.</summary>
    TorchSharp,
}
