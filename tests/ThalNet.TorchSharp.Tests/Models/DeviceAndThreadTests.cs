using ThalNet.Examples.Features;
using TorchSharp;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The library itself says which package a missing device needs, however the model is moved, and keeps the libtorch
/// thread count a program chose.
/// </summary>
public sealed class DeviceAndThreadTests
{
    [Fact]
    public void Moving_a_model_to_CUDA_without_a_CUDA_libtorch_names_the_package_to_add()
    {
        if (torch.cuda.is_available())
        {
            return;
        }

        using var model = new RegressionNetTorch();

        var errors = new[]
        {
            Assert.Throws<TorchDeviceException>(() => model.to(DeviceType.CUDA)),
            Assert.Throws<TorchDeviceException>(() => model.cuda()),
            Assert.Throws<TorchDeviceException>(() => model.to(TorchDevices.Cuda)),
            Assert.Throws<TorchDeviceException>(() => TorchDevices.Resolve("cuda")),
        };

        Assert.All(errors, e => Assert.Contains("TorchSharp-cuda-linux", e.Message, StringComparison.Ordinal));
        Assert.Equal(DeviceType.CPU, model.Device.type);
    }

    [Fact]
    public void Resolve_gives_the_CPU_and_refuses_a_device_thalnet_does_not_run_on()
    {
        Assert.Equal(DeviceType.CPU, TorchDevices.Resolve("cpu").type);
        Assert.Throws<ArgumentException>(() => TorchDevices.Resolve("tpu"));
    }

    [Fact]
    public void Creating_a_model_keeps_the_thread_count_the_program_chose()
    {
        try
        {
            TorchThreads.Set(2);
            using var model = new RegressionNetTorch();
            Assert.Equal(2, torch.get_num_threads());
        }
        finally
        {
            TorchThreads.Set(TorchThreads.Default);
        }

        Assert.Equal(TorchThreads.Default, torch.get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchThreads.Set(0));
    }
}
