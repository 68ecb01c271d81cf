using ThalNet.Runtime;
using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using EngineTensor = ThalNet.Runtime.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Parity;

/// <summary>
/// One engine-against-TorchSharp comparison: the same named inputs on both sides, each side's output, then the
/// gradient of sum(output * upstream) for every input and parameter, all within <see cref="Tolerance"/>.
/// </summary>
internal sealed class ParityCheck
{
    /// <summary>The suite's bound: 1e-5 absolute plus 1e-5 relative (float32 sums in another order differ by a few ulps).</summary>
    public const float Tolerance = 1e-5f;

    private readonly Random _random;
    private readonly Dictionary<string, EngineTensor> _engine = [];
    private readonly Dictionary<string, TorchTensor> _torch = [];

    public ParityCheck(int seed) => _random = new Random(seed);

    /// <summary>Engine tensors by name, each with its gradient after <see cref="Run"/>.</summary>
    public IReadOnlyDictionary<string, EngineTensor> Engine => _engine;

    /// <summary>TorchSharp tensors by name (leaves that require grad).</summary>
    public IReadOnlyDictionary<string, TorchTensor> Torch => _torch;

    /// <summary>A named input of <paramref name="shape"/>, uniform in ±<paramref name="scale"/>, the same values on both sides.</summary>
    public void Input(string name, float scale, params int[] shape)
    {
        var size = shape.Aggregate(1, (a, b) => a * b);
        var values = Enumerable.Range(0, size).Select(_ => (float)(((_random.NextDouble() * 2) - 1) * scale)).ToArray();
        _engine[name] = EngineTensor.FromArray(values, shape).RequireGrad();
        _torch[name] = torch.tensor(values, shape.Select(d => (long)d).ToArray(), requires_grad: true);
    }

    /// <summary>Runs both sides, compares the outputs, backpropagates sum(output * upstream) and compares the gradients of <paramref name="gradients"/>.</summary>
    public void Run(
        string what,
        Func<Tape, EngineTensor> engine,
        Func<TorchTensor> torchSide,
        IEnumerable<(string Name, EngineTensor Engine, TorchTensor Torch)> parameters,
        IEnumerable<string> gradients)
    {
        var tape = new Tape();
        var engineOutput = engine(tape);
        using var torchOutput = torchSide();
        Assert.Equal(engineOutput.Shape.ToArray().Select(d => (long)d), torchOutput.shape);
        TensorAssert.Close(engineOutput.Data, Infrastructure.Torch.Values(torchOutput), $"{what}: output", Tolerance, Tolerance);

        var upstream = Enumerable.Range(0, engineOutput.Shape.Size).Select(_ => (float)((_random.NextDouble() * 2) - 1)).ToArray();
        tape.Backward(tape.Sum(tape.Mul(engineOutput, EngineTensor.FromArray(upstream, engineOutput.Shape.ToArray()))));
        using var torchUpstream = torch.tensor(upstream, torchOutput.shape);
        using var loss = (torchOutput * torchUpstream).sum();
        loss.backward();

        foreach (var name in gradients)
        {
            Compare($"{what}: d{name}", _engine[name], _torch[name]);
        }

        foreach (var (name, enginePart, torchPart) in parameters)
        {
            Compare($"{what}: d{name}", enginePart, torchPart);
        }
    }

    /// <summary>Runs a scalar loss on both sides and compares it and the gradient of <paramref name="input"/>.</summary>
    public void RunLoss(string what, Func<Tape, EngineTensor> engine, Func<TorchTensor> torchSide, string input)
    {
        var tape = new Tape();
        var engineLoss = engine(tape);
        using var torchLoss = torchSide();
        TensorAssert.Close(engineLoss.Data, Infrastructure.Torch.Values(torchLoss), $"{what}: loss", Tolerance, Tolerance);
        tape.Backward(engineLoss);
        torchLoss.backward();
        Compare($"{what}: d{input}", _engine[input], _torch[input]);
    }

    private static void Compare(string what, EngineTensor engine, TorchTensor torchSide)
    {
        var grad = torchSide.grad ?? throw new Xunit.Sdk.XunitException($"{what}: TorchSharp computed no gradient");
        TensorAssert.Close(engine.Grad, Infrastructure.Torch.Values(grad), what, Tolerance, Tolerance);
    }
}
