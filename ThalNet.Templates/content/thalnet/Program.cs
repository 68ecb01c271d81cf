using System.Globalization;
using ThalNet.Runtime;
using ThalNet.Runtime.Optim;

// A small synthetic task: sequences of 6 steps of 3 random values in [-1, 1); the label says whether the first
// values of all steps add up to more than zero, so the model carries a running sum through time.
const int Steps = 6, Sequences = 32, TrainingSteps = 300;

var model = new SignNet(new RandomSource(1));                   // one seed, one model
var optimizer = new RmsProp(model.NamedParameters(), learningRate: 3e-3f);
var tape = new Tape();
Console.WriteLine($"SignNet: {SignNet.ParameterCount} parameters, center {SignNet.CenterSize}");

// The typed batch: Inputs.X is [steps, sequences, 3] (time-major), Targets.Label one class per sequence.
var test = NewBatch(new RandomSource(3));
var before = TestLoss();
var data = new RandomSource(2);
var batch = new SignNet.Batch(Steps, Sequences);
for (var step = 1; step <= TrainingSteps; step++)
{
    Fill(batch, data);
    tape.Reset();
    optimizer.ZeroGrad();
    var losses = model.ComputeLoss(tape, batch);                 // every output's loss, weighted as the spec says
    tape.Backward(losses.Total);
    optimizer.Step();
    if (step % 50 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step} training loss {losses.Total.Item():F4}"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test loss {before:F4} -> {TestLoss():F4}, accuracy {Accuracy():P0}"));

float TestLoss()
{
    tape.Reset();
    return model.ComputeLoss(tape, test).Total.Item();
}

// Forward returns every output: 'label' (at: last) as logits [sequences, 2] after the last step.
double Accuracy()
{
    tape.Reset();
    var logits = model.Forward(tape, test.Inputs.X).Label.ToArray();
    var correct = Enumerable.Range(0, Sequences).Count(b => (logits[(2 * b) + 1] > logits[2 * b] ? 1 : 0) == test.Targets.Label[b]);
    return (double)correct / Sequences;
}

static SignNet.Batch NewBatch(RandomSource random)
{
    var batch = new SignNet.Batch(Steps, Sequences);
    Fill(batch, random);
    return batch;
}

static void Fill(SignNet.Batch batch, RandomSource random)
{
    var x = batch.Inputs.X.Data;
    for (var i = 0; i < x.Length; i++)
    {
        x[i] = random.NextUniform(-1f, 1f);
    }

    for (var b = 0; b < Sequences; b++)
    {
        var sum = 0f;
        for (var t = 0; t < Steps; t++)
        {
            sum += x[((t * Sequences) + b) * 3];
        }

        batch.Targets.Label[b] = sum > 0 ? 1 : 0;
    }
}
