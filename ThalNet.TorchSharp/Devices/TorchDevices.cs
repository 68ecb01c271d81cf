namespace ThalNet.TorchSharp;

/// <summary>
/// The devices this program's libtorch can run on, with messages that name the package to add: TorchSharp's own
/// errors say only that CUDA is not available, or that a native library did not load. TorchSharp's own
/// <c>torch.CUDA</c> fails with its message before any model sees it; <see cref="Cuda"/> fails with this library's.
/// </summary>
public static class TorchDevices
{
    /// <summary>The first CUDA device: <c>model.to(TorchDevices.Cuda)</c>.</summary>
    /// <exception cref="TorchDeviceException">This program has no libtorch, or its libtorch has no CUDA; the message names the package to add.</exception>
    public static Device Cuda => Resolve("cuda");

    /// <summary>The device for <c>cpu</c> or <c>cuda</c> (as <c>--device</c> options spell it), checked as <see cref="EnsureAvailable"/> does.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is neither <c>cpu</c> nor <c>cuda</c>.</exception>
    /// <exception cref="TorchDeviceException">This program has no libtorch, or its libtorch lacks the device.</exception>
    public static Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var type = name.ToLowerInvariant() switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"Device '{name}' is not one ThalNet runs on: use cpu or cuda.", nameof(name)),
        };
        EnsureAvailable(type);
        return type == DeviceType.CUDA ? CUDA : CPU;
    }

    /// <summary>Throws unless this program's libtorch loads and can run on <paramref name="type"/>.</summary>
    /// <exception cref="TorchDeviceException">This program has no libtorch, or its libtorch lacks the device; the message names the package to add.</exception>
    public static void EnsureAvailable(DeviceType type)
    {
        bool cuda;
        try
        {
            cuda = torch.cuda.is_available();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            throw new TorchDeviceException(
                "ThalNet.TorchSharp found no libtorch in this program's build: add the package libtorch-cpu-linux-x64 " +
                "(or TorchSharp-cpu; TorchSharp-cuda-linux for CUDA) to its project. " + e.GetBaseException().Message,
                e);
        }

        if (type == DeviceType.CUDA && !cuda)
        {
            throw new TorchDeviceException(
                "This build of libtorch has no CUDA (or this machine has no NVIDIA driver). Replace libtorch-cpu-linux-x64 " +
                "(or TorchSharp-cpu) with TorchSharp-cuda-linux (TorchSharp-cuda-windows on Windows) in the program's project, " +
                "on a machine with an NVIDIA driver.");
        }

        if (type is not (DeviceType.CPU or DeviceType.CUDA))
        {
            throw new TorchDeviceException($"ThalNet's TorchSharp models run on the CPU or CUDA, not on {type}.");
        }
    }
}

/// <summary>A device this program's libtorch cannot run on; the message says which package to add.</summary>
public sealed class TorchDeviceException : Exception
{
    /// <summary>Creates the exception with the message that names the package to add.</summary>
    public TorchDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message that names the package to add, and the error that revealed the gap.</summary>
    public TorchDeviceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
