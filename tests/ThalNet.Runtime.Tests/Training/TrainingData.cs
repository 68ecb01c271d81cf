using System.Text;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.Training;

namespace ThalNet.Runtime.Tests.Training;

/// <summary>Tiny synthetic tasks, built in memory, and options that keep test runs quick and quiet.</summary>
internal static class TrainingData
{
    public const int Steps = 5;
    public const int Features = 4;
    public const int Classes = 4;

    /// <summary>
    /// Every step shows the class as a one-hot vector under Gaussian noise; the model must average over steps.
    /// </summary>
    public static SequenceDataset Noisy(int count, ulong seed, float noise = 0.5f)
    {
        var random = new RandomSource(seed);
        var labels = new int[count];
        var inputs = new float[count * Steps * Features];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.NextInt(Classes);
            for (var t = 0; t < Steps; t++)
            {
                for (var f = 0; f < Features; f++)
                {
                    inputs[(((i * Steps) + t) * Features) + f] = (f == labels[i] ? 1f : 0f) + random.NextNormal(0f, noise);
                }
            }
        }

        return new SequenceDataset(inputs, labels, Steps, Features, Classes);
    }

    public static int[] Parity(SequenceDataset data) => [.. data.Labels.ToArray().Select(l => l % 2)];

    /// <summary>A phrase repeated to <paramref name="length"/> bytes.</summary>
    public static byte[] Text(int length)
    {
        var phrase = Encoding.ASCII.GetBytes("hello thalnet! ");
        return [.. Enumerable.Range(0, length).Select(i => phrase[i % phrase.Length])];
    }

    public static TrainerOptions Options(int workers = 2) => new()
    {
        Epochs = 3,
        BatchSize = 16,
        Seed = 7,
        LearningRate = 1e-2f,
        Workers = workers,
        Progress = false,
        Output = TextWriter.Null,
    };
}
