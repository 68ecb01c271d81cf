using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>Chooses TorchSharp's device for <c>--device</c>, or says what the user has to add.</summary>
public static class TorchBackend
{
    /// <summary>
    /// libtorch's default thread count for these small matrices: on a quiet two-core machine two threads gained nothing
    /// (a sequential-MNIST epoch took 20.3 s with one, 20.9 s with two), and while other work shared the cores two
    /// were ten times slower (27 s against 2.7 s for 20 batches).
    /// </summary>
    public const int DefaultThreads = 1;

    /// <summary>The device for <paramref name="device"/>, with libtorch set to <paramref name="threads"/> threads.</summary>
    /// <exception cref="TorchBackendException">This build has no libtorch, or no CUDA for <c>cuda</c>.</exception>
    public static torch.Device Prepare(string device, int threads)
    {
        var chosen = Device(device);
        torch.set_num_threads(threads);
        return chosen;
    }

    /// <summary>TorchSharp's device for <c>cpu</c> or <c>cuda</c>.</summary>
    /// <exception cref="TorchBackendException">This build has no libtorch, or no CUDA for <c>cuda</c>.</exception>
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
