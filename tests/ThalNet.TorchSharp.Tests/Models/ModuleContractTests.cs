using ThalNet.Examples.Features;
using ThalNet.Examples.SequentialMnist;
using TorchSharp;
using TorchSharp.Utils;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>Generated models behave as torch.nn modules: parameter paths, nesting in another module, conversion, ablation.</summary>
public sealed class ModuleContractTests
{
    [Fact]
    public void State_dict_keys_are_the_engine_parameter_paths_and_the_count_is_the_constant()
    {
        using var model = new SequentialMnistNetTorch();
        var engine = new SequentialMnistNet(new ThalNet.Runtime.RandomSource(1));

        Assert.Equal(engine.NamedParameters().Select(p => p.Key), model.state_dict().Keys);
        Assert.Equal(SequentialMnistNetTorch.ParameterCount, model.parameters().Sum(p => p.numel()));
        Assert.Contains("vision.gru.weight_ih", model.state_dict().Keys);
    }

    [Fact]
    public void Nested_in_another_module_its_keys_get_the_prefix_once()
    {
        using var outer = new Outer();
        using var alone = new ReadingNetTorch();

        var keys = outer.state_dict().Keys.ToList();

        Assert.True(
            alone.state_dict().Keys.Select(k => "thalnet." + k).SequenceEqual(keys),
            "keys: " + string.Join(", ", keys));
    }

    [Fact]
    public void Converting_the_model_keeps_the_typed_members_on_the_converted_parameters()
    {
        using var model = new ReadingNetTorch();

        model.to(torch.float64);

        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Same(parameters["softmax.read.w"], model.Softmax.Read.W);
        Assert.Same(parameters["weighted.read.beta"], model.Weighted.Read.Beta);
        Assert.Same(parameters["gaussian.label.weight"], model.Gaussian.Label.Weight);
        Assert.All(parameters.Values, p => Assert.Equal(torch.float64, p.dtype));
    }

    [Fact]
    public void Ablating_a_module_that_no_head_reads_changes_nothing_and_ablating_the_input_module_does()
    {
        torch.manual_seed(5);
        using var model = new ReadingNetTorch();
        using var signal = torch.randn(4, 3, 6);
        using var _ = torch.no_grad();
        var plain = model.Forward(signal).Label!;

        // 'linear' is the only module reading the signal: without its slice the output module sees no input.
        model.Ablate("linear");
        var blind = model.Forward(signal).Label!;
        model.Ablate();
        var restored = model.Forward(signal).Label!;

        Assert.False(plain.allclose(blind));
        Assert.True(plain.allclose(restored, rtol: 0, atol: 0));
        Assert.Throws<ArgumentException>(() => model.Ablate("nope"));
    }

    /// <summary>A user's module holding a generated model the way TorchSharp recommends: a field, then RegisterComponents.</summary>
    private sealed class Outer : torch.nn.Module
    {
        [ComponentName(Name = "thalnet")]
        private readonly ReadingNetTorch _net = new();

        public Outer()
            : base(nameof(Outer)) => RegisterComponents();

        public ReadingNetTorch Net => _net;
    }
}
