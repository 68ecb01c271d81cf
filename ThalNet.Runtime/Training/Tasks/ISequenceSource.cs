using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Training or test data made of independent examples (classification, multi-task): fills a model's
/// <see cref="SequenceBatch"/> with the examples it is given, in that order, one per batch row.
/// </summary>
public interface ISequenceSource
{
    /// <summary>Number of examples.</summary>
    int Count { get; }

    /// <summary>Input steps per example (T of every batch).</summary>
    int Steps { get; }

    /// <summary>
    /// Writes every input and every target of <paramref name="batch"/> ([T, B, ..] with B = examples.Length) for
    /// the examples <paramref name="examples"/>. Called on the trainer's thread; must not allocate in steady state.
    /// </summary>
    void Fill(ReadOnlySpan<int> examples, SequenceBatch batch);
}
