using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Sequence classification data: <see cref="Count"/> examples, each <see cref="Steps"/> rows of
/// <see cref="Features"/> values, stored contiguously as [Count, Steps, Features], and one label per
/// example. Batches are copied out time-major, [Steps, Batch, Features], so that the input of one
/// step for the whole batch is contiguous.
/// </summary>
public sealed class SequenceDataset
{
    /// <summary>A dataset over <paramref name="inputs"/> and <paramref name="labels"/> (not copied).</summary>
    /// <param name="inputs">Count x steps x features values, example by example, step by step.</param>
    /// <param name="labels">One class index per example.</param>
    /// <param name="steps">T, steps per example.</param>
    /// <param name="features">Values per step.</param>
    /// <param name="classes">The number of classes.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a size is below 1.</exception>
    /// <exception cref="ArgumentException">When the value count does not match, or a label is outside [0,
    /// classes).</exception>
    public SequenceDataset(ReadOnlyMemory<float> inputs, ReadOnlyMemory<int> labels, int steps, int features, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (inputs.Length != (long)labels.Length * steps * features)
        {
            throw new ArgumentException($"{labels.Length} examples of {steps}x{features} need {(long)labels.Length * steps * features} values, got {inputs.Length}.", nameof(inputs));
        }

        var labelSpan = labels.Span;
        for (var i = 0; i < labelSpan.Length; i++)
        {
            if ((uint)labelSpan[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labelSpan[i]} of example {i} is outside 0..{classes - 1}.", nameof(labels));
            }
        }

        Inputs = inputs;
        Labels = labels;
        Steps = steps;
        Features = features;
        Classes = classes;
    }

    /// <summary>The number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>T, steps per example.</summary>
    public int Steps { get; }

    /// <summary>Values per step.</summary>
    public int Features { get; }

    /// <summary>The number of classes; every label is in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>[Count, Steps, Features].</summary>
    public ReadOnlyMemory<float> Inputs { get; }

    /// <summary>Class index per example, in [0, Classes).</summary>
    public ReadOnlyMemory<int> Labels { get; }

    /// <summary>Values in one sequence: Steps * Features.</summary>
    public int SequenceValues => Steps * Features;

    /// <summary>One sequence, [Steps, Features].</summary>
    public ReadOnlySpan<float> Sequence(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Inputs.Span.Slice(index * SequenceValues, SequenceValues);
    }

    /// <summary>Length of the input buffer for a batch of <paramref name="batchSize"/>: Steps * batchSize * Features.</summary>
    public int BatchInputLength(int batchSize) => Steps * batchSize * Features;

    /// <summary>
    /// Copies the examples <paramref name="indices"/> into <paramref name="inputs"/>, laid out
    /// [Steps, B, Features] with B = indices.Length, and their labels into <paramref name="labels"/>.
    /// Only the first <see cref="BatchInputLength"/>(B) inputs and B labels are written. Allocates nothing.
    /// </summary>
    public void FillBatch(ReadOnlySpan<int> indices, Span<float> inputs, Span<int> labels)
    {
        var batch = indices.Length;
        if (inputs.Length < BatchInputLength(batch))
        {
            throw new ArgumentException($"A batch of {batch} needs {BatchInputLength(batch)} input values ([{Steps}, {batch}, {Features}]), the buffer has {inputs.Length}.", nameof(inputs));
        }

        if (labels.Length < batch)
        {
            throw new ArgumentException($"A batch of {batch} needs {batch} labels, the buffer has {labels.Length}.", nameof(labels));
        }

        var source = Inputs.Span;
        var sourceLabels = Labels.Span;
        for (var b = 0; b < batch; b++)
        {
            var index = indices[b];
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Sequence index {index} is outside 0..{Count - 1}.");
            }

            labels[b] = sourceLabels[index];
            var example = source.Slice(index * SequenceValues, SequenceValues);
            for (var t = 0; t < Steps; t++)
            {
                example.Slice(t * Features, Features).CopyTo(inputs.Slice(((t * batch) + b) * Features, Features));
            }
        }
    }

    /// <summary>Examples [start, start + count), sharing this set's storage (e.g. to hold out a validation part).</summary>
    public SequenceDataset Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count, nameof(count));
        return new SequenceDataset(
            Inputs.Slice(start * SequenceValues, count * SequenceValues),
            Labels.Slice(start, count),
            Steps,
            Features,
            Classes);
    }
}
