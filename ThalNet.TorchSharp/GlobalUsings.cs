global using TorchSharp;
global using static TorchSharp.torch;
global using Parameter = TorchSharp.Modules.Parameter;
global using TorchSharp.Utils;
