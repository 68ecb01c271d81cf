using ThalNet.Examples.Features;
using ThalNet.Examples.Text;
using ThalNet.Examples.Torch;
using ThalNet.Runtime;
using ThalNet.Runtime.Tests.Fixtures;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using EngineTensor = ThalNet.Runtime.Tensor;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The generated TorchSharp model has the engine's API: <c>Forward</c> returns every output with its timing
/// ([T, B, size] at every step, [B, size] after the last), and a typed <c>Batch</c> with named inputs and targets gives
/// <c>ComputeLoss</c>'s typed <c>Losses</c>, the same values as the engine's for the same weights.
/// </summary>
public sealed class ApiParityTests
{
    private const int Steps = 5;
    private const int BatchSize = 3;

    [Fact]
    public void Forward_returns_outputs_at_every_step_and_after_the_last_as_the_engine_does()
    {
        var engine = new RegressionNet(new RandomSource(2));
        using var model = new RegressionNetTorch();
        EngineWeights.CopyTo(engine, model);
        var width = RegressionNet.Layout.Info.Inputs[0].Width;
        var values = RandomValues(Steps * BatchSize * width, seed: 4);

        var expected = engine.Forward(new Tape(), EngineTensor.FromArray(values, Steps, BatchSize, width));
        using var signal = torch.tensor(values, [Steps, BatchSize, width]);
        using var noGrad = torch.no_grad();
        var actual = model.Forward(signal);

        AssertSame(expected.Value, actual.Value, "value (at: every)");
        AssertSame(expected.Sign, actual.Sign, "sign (at: last)");
        Assert.Equal([Steps, BatchSize, RegressionNet.Layout.Info.Outputs[0].Size], actual.Value.shape);
        Assert.Equal([BatchSize, RegressionNet.Layout.Info.Outputs[1].Size], actual.Sign.shape);
    }

    [Fact]
    public void Token_inputs_give_every_steps_logits_as_the_engine_does()
    {
        var engine = new ByteLanguageModel(new RandomSource(2));
        using var model = new ByteLanguageModelTorch();
        EngineWeights.CopyTo(engine, model);
        var vocabulary = ByteLanguageModel.Layout.Info.Inputs[0].Width;
        var random = new Random(6);
        var tokens = Enumerable.Range(0, Steps * BatchSize).Select(_ => random.Next(vocabulary)).ToArray();

        var expected = engine.Forward(new Tape(), tokens, BatchSize);
        using var text = torch.tensor(tokens.Select(t => (long)t).ToArray(), [Steps, BatchSize]);
        using var noGrad = torch.no_grad();
        var actual = model.Forward(text);

        AssertSame(expected.Next, actual.Next, "next (at: every)");
    }

    [Fact]
    public void A_typed_batch_gives_named_losses_equal_to_the_engines()
    {
        var engine = new RegressionNet(new RandomSource(3));
        using var model = new RegressionNetTorch();
        EngineWeights.CopyTo(engine, model);
        var info = RegressionNet.Layout.Info;
        var engineBatch = new RegressionNet.Batch(Steps, BatchSize);
        RandomValues(engineBatch.Inputs.Signal.Data.Length, seed: 7).CopyTo(engineBatch.Inputs.Signal.Data);
        RandomValues(engineBatch.Targets.Value.Data.Length, seed: 8).CopyTo(engineBatch.Targets.Value.Data);
        for (var b = 0; b < BatchSize; b++)
        {
            engineBatch.Targets.Sign[b] = b % info.Outputs[1].Size;
        }

        using var batch = new RegressionNetTorch.Batch(Steps, BatchSize);
        Assert.Equal([Steps, BatchSize, info.Inputs[0].Width], batch.Inputs.Signal.shape);
        Assert.Equal([Steps, BatchSize, info.Outputs[0].Size], batch.Targets.Value.shape);
        Assert.Equal([BatchSize], batch.Targets.Sign.shape);
        Assert.Equal(torch.int64, batch.Targets.Sign.dtype);
        using (torch.no_grad())
        {
            batch.Inputs.Signal.copy_(torch.tensor(engineBatch.Inputs.Signal.ToArray(), batch.Inputs.Signal.shape));
            batch.Targets.Value.copy_(torch.tensor(engineBatch.Targets.Value.ToArray(), batch.Targets.Value.shape));
            batch.Targets.Sign.copy_(torch.tensor(engineBatch.Targets.Sign.Select(t => (long)t).ToArray(), [BatchSize]));
        }

        var expected = engine.ComputeLoss(new Tape(), engineBatch);
        var losses = model.ComputeLoss(batch);

        AssertSame(expected.Total, losses.Total, "total");
        AssertSame(expected.Value, losses.Value, "value loss");
        AssertSame(expected.Sign, losses.Sign, "sign loss");
        AssertSame(expected.Outputs.Value, losses.Outputs.Value, "value logits");
        losses.Total.backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void A_batch_owns_its_tensors_beyond_the_dispose_scope_it_was_made_in()
    {
        RegressionNetTorch.Batch batch;
        using (torch.NewDisposeScope())
        {
            batch = new RegressionNetTorch.Batch(Steps, BatchSize);
        }

        using (batch)
        {
            batch.Inputs.Signal.fill_(1f);
            Assert.Equal(Steps * BatchSize * RegressionNet.Layout.Info.Inputs[0].Width, batch.Inputs.Signal.sum().item<float>());
            Assert.Equal(0L, batch.Targets.Sign.sum().item<long>());
        }
    }

    private static void AssertSame(EngineTensor expected, TorchTensor actual, string what)
    {
        Assert.Equal(expected.Shape.ToArray().Select(d => (long)d), actual.shape);
        TensorAssert.Close(expected.ToArray(), Torch.Values(actual), what, absolute: 1e-5f, relative: 0f);
    }

    private static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
