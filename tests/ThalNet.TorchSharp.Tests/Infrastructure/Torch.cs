using TorchSharp;
using EngineTensor = ThalNet.Runtime.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Infrastructure;

/// <summary>Moves values between the engine's tensors (what the fixture reader gives) and TorchSharp's.</summary>
internal static class Torch
{
    public static TorchTensor From(EngineTensor tensor, bool requiresGrad = false)
    {
        var shape = tensor.Shape.ToArray().Select(d => (long)d).ToArray();
        return torch.tensor(tensor.Data.ToArray(), shape, requires_grad: requiresGrad);
    }

    public static float[] Values(TorchTensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();

    /// <summary>Copies the fixture's values into a module parameter.</summary>
    public static void Assign(TorchTensor parameter, EngineTensor values)
    {
        using var source = From(values);
        using (torch.no_grad())
        {
            parameter.copy_(source.reshape(parameter.shape));
        }
    }
}
