using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>Chooses TorchSharp's device for <c>--device</c>, or says what the user has to add.</summary>
internal static class TorchBackend
{
    public static torch.Device Device(string device)
    {
        bool cuda;
        try
        {
            cuda = torch.cuda.is_available();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            throw new TorchBackendException(
                "--backend torchsharp found no libtorch in this program's build: add the package libtorch-cpu-linux-x64 " +
                "(or TorchSharp-cpu; TorchSharp-cuda-linux for CUDA) to its project. " + e.GetBaseException().Message);
        }

        if (device == "cuda" && !cuda)
        {
            throw new TorchBackendException(
                "--device cuda: this build of libtorch has no CUDA. Replace libtorch-cpu-linux-x64 (or TorchSharp-cpu) with " +
                "TorchSharp-cuda-linux (TorchSharp-cuda-windows on Windows) in the program's project, on a machine with an NVIDIA driver.");
        }

        return device == "cuda" ? torch.CUDA : torch.CPU;
    }
}

/// <summary>A TorchSharp backend the program cannot use as asked; the message says what to add.</summary>
public sealed class TorchBackendException(string message) : Exception(message);
