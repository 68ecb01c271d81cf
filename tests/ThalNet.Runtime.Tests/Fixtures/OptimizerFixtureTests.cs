using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Optim;

namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>RMSprop, Adam and gradient clipping against PyTorch, step by step.</summary>
public sealed class OptimizerFixtureTests
{
    [Fact]
    public void RmsProp_matches_pytorch() =>
        Check("rmsprop_a", p => new RmsProp(p, learningRate: 1e-3f, alpha: 0.99f, eps: 1e-8f));

    [Fact]
    public void Adam_matches_pytorch() =>
        Check("adam_a", p => new Adam(p, learningRate: 1e-3f));

    [Fact]
    public void Fixture_configs_are_the_pytorch_defaults_the_optimizers_use()
    {
        var rms = Fixture.Load("rmsprop_a").Config;
        Assert.Equal(0.99, rms.GetProperty("alpha").GetDouble());
        Assert.Equal(1e-8, rms.GetProperty("eps").GetDouble());
        var adam = Fixture.Load("adam_a").Config;
        Assert.Equal(1e-3, adam.GetProperty("lr").GetDouble());
        Assert.Equal(1e-8, adam.GetProperty("eps").GetDouble());
    }

    [Fact]
    public void ClipGradNorm_matches_pytorch()
    {
        var f = Fixture.Load("clip_grad_norm_a");
        var grads = f.TensorList("grads");
        var clipped = f.TensorList("clipped");
        var parameters = grads.Select(g => new Parameter(g.Shape)).ToArray();
        for (var i = 0; i < grads.Length; i++)
        {
            grads[i].Data.CopyTo(parameters[i].Grad);
        }

        var total = GradientClipping.ClipByGlobalNorm(parameters, maxNorm: 1f);
        Assert.Equal(f.Root.GetProperty("total_norm").GetDouble(), total, 4);
        for (var i = 0; i < grads.Length; i++)
        {
            TensorAssert.Close(clipped[i].Data, parameters[i].Grad, $"clipped[{i}]");
        }
    }

    private static void Check(string name, Func<IEnumerable<KeyValuePair<string, Parameter>>, Optimizer> create)
    {
        var f = Fixture.Load(name);
        var initial = f.Tensor("initial");
        var p = new Parameter(initial.Shape);
        initial.Data.CopyTo(p.Data);
        var optimizer = create([new("p", p)]);
        var grads = f.TensorList("grads");
        var expected = f.TensorList("after_each_step");
        for (var step = 0; step < grads.Length; step++)
        {
            grads[step].Data.CopyTo(p.Grad);
            optimizer.Step();
            TensorAssert.Close(expected[step].Data, p.Data, $"{name} after step {step + 1}", absolute: 1e-6f, relative: 1e-5f);
        }
    }
}
