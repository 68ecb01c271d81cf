using System.Globalization;
using TorchSharp;

// A small synthetic task: sequences of 6 steps of 3 random values in [-1, 1); the label says whether the first
// values of all steps add up to more than zero, so the model carries a running sum through time.
const int Steps = 6, Sequences = 32, TrainingSteps = 300;

torch.manual_seed(1);
using var model = new SignNetTorch();
using var optimizer = torch.optim.RMSProp(model.parameters(), lr: 3e-3);
Console.WriteLine($"SignNetTorch: {SignNetTorch.ParameterCount} parameters, center {SignNetTorch.CenterSize}");

var data = new torch.Generator(2);
var (testX, testLabels) = NewBatch(new torch.Generator(3));
var before = TestLoss();
for (var step = 1; step <= TrainingSteps; step++)
{
    using var scope = torch.NewDisposeScope();
    var (x, labels) = NewBatch(data);
    optimizer.zero_grad();
    var loss = model.ComputeLoss([x], [labels]).Total;           // inputs [steps, sequences, 3], labels [sequences]
    loss.backward();
    optimizer.step();
    if (step % 50 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step} training loss {loss.item<float>():F4}"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test loss {before:F4} -> {TestLoss():F4}"));

float TestLoss()
{
    using var noGrad = torch.no_grad();
    using var scope = torch.NewDisposeScope();
    return model.ComputeLoss([testX], [testLabels]).Total.item<float>();
}

static (torch.Tensor X, torch.Tensor Labels) NewBatch(torch.Generator random)
{
    var x = (torch.rand([Steps, Sequences, 3], generator: random) * 2) - 1;
    var labels = x.select(2, 0).sum(dim: 0).gt(0).to(torch.int64);
    return (x, labels);
}
