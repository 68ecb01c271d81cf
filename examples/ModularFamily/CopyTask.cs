using ThalNet.Runtime;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples.ModularFamily;

/// <summary>
/// The copying task (the RIMs paper's first benchmark), generated here: <see cref="Length"/> random digits, then
/// <see cref="Delay"/> blanks, then a go marker, then <see cref="Length"/> blanks during which the model must write the
/// digits back in order. Inputs are tokens (0-9 digits, <see cref="Blank"/>, <see cref="Go"/>); the target at every
/// step is <see cref="Blank"/> except on the last <see cref="Length"/> steps, which hold the digits. The loss covers
/// every step; the score is the accuracy on the last <see cref="Length"/> steps only.
/// </summary>
internal sealed class CopyTask : IFamilyTask
{
    public const int Length = 10;

    public const int Blank = 10;

    public const int Go = 11;

    /// <summary>Fixed, so that every model and seed sees the same sequences; the test set is drawn after the training set.</summary>
    public const ulong DataSeed = 2019;

    private readonly int[,] _trainInputs;
    private readonly int[,] _trainTargets;
    private readonly int[,] _testInputs;
    private readonly int[,] _testTargets;

    public CopyTask(int delay, int trainCount, int testCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        Delay = delay;
        var random = new RandomSource(DataSeed);
        (_trainInputs, _trainTargets) = Generate(random, delay, trainCount);
        (_testInputs, _testTargets) = Generate(random, delay, testCount);
    }

    public string Name => FamilyTasks.Copy;

    public int Delay { get; }

    public int TrainCount => _trainInputs.GetLength(1);

    public int TestCount => _testInputs.GetLength(1);

    /// <summary>T: the digits, the delay, the go marker and the answer.</summary>
    public static int Steps(int delay) => Length + delay + 1 + Length;

    public ISequenceSource Train(ModelInfo model) => new ExampleSet(model, SequenceLayout.TimeMajor, [_trainInputs], [_trainTargets]);

    public ISequenceSource Test(ModelInfo model) => new ExampleSet(model, SequenceLayout.TimeMajor, [_testInputs], [_testTargets]);

    public double Score(Trainer<ThalNetModel> trainer, ISequenceSource test) =>
        AnswerAccuracy.Of(trainer.Model, test, trainer.Options.EvaluationBatchSize ?? trainer.Options.BatchSize, trainer.Options.MaxEvaluationBatches, Length);

    /// <summary>Token inputs and class targets, [T, N] each (time-major).</summary>
    private static (int[,] Inputs, int[,] Targets) Generate(RandomSource random, int delay, int count)
    {
        var steps = Steps(delay);
        var inputs = new int[steps, count];
        var targets = new int[steps, count];
        for (var n = 0; n < count; n++)
        {
            for (var t = 0; t < steps; t++)
            {
                inputs[t, n] = Blank;
                targets[t, n] = Blank;
            }

            for (var i = 0; i < Length; i++)
            {
                var digit = random.NextInt(10);
                inputs[i, n] = digit;
                targets[steps - Length + i, n] = digit;
            }

            inputs[Length + delay, n] = Go;
        }

        return (inputs, targets);
    }
}
