using ThalNet.TorchSharp;
using TorchSharp;

namespace ThalNet.Examples.Torch;

/// <summary>Chooses TorchSharp's device for <c>--device</c> and libtorch's thread count for <c>--threads</c>.</summary>
public static class TorchBackend
{
    /// <summary>libtorch's thread count when <c>--threads</c> is not given: the library's choice (<see cref="TorchThreads.Default"/>).</summary>
    public const int DefaultThreads = TorchThreads.Default;

    /// <summary>The device for <paramref name="device"/>, with libtorch set to <paramref name="threads"/> threads.</summary>
    /// <exception cref="TorchDeviceException">This build has no libtorch, or no CUDA for <c>cuda</c>; the message names the package to add.</exception>
    public static torch.Device Prepare(string device, int threads)
    {
        var chosen = TorchDevices.Resolve(device);
        TorchThreads.Set(threads);
        return chosen;
    }
}

/// <summary>A TorchSharp backend the program cannot use as asked; the message says what to change.</summary>
public sealed class TorchBackendException(string message) : Exception(message);
