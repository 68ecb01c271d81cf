using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// An in-memory data set for any model: every input and every output's target of N examples of T steps, given by
/// the spec's names and checked against it, that the <see cref="Trainer{TModel}"/>, its <c>Evaluate</c> and the
/// analysis take directly (<see cref="ISequenceSource"/>). Arrays are given in the order of
/// <see cref="SequenceInfo.Inputs"/> and <see cref="SequenceInfo.Outputs"/>, in a declared
/// <see cref="SequenceLayout"/>: a dense input is <c>float[,,]</c> [T, N, width] (batch-first [N, T, width]), a token
/// input <c>int[,]</c> [T, N]; a class target <c>int[]</c> [N] for `at: last` or <c>int[,]</c> [T, N] for `at: every`;
/// a dense target <c>float[,]</c> [N, size] for `at: last` or <c>float[,,]</c> [T, N, size] for `at: every`.
/// Models generate a typed subclass (<c>MyModel.DataSet</c>) whose constructor takes these arrays by name.
/// </summary>
public class ExampleSet : ISequenceSource
{
    private readonly SequenceInfo _info;
    private readonly ExampleArrays _arrays;
    private readonly int _first;

    /// <summary>Checks and copies the arrays of <paramref name="info"/>'s inputs and targets.</summary>
    /// <param name="info">The model the data is for.</param>
    /// <param name="layout">How the arrays' step and example axes are ordered.</param>
    /// <param name="inputs">One array per input, in <see cref="SequenceInfo.Inputs"/> order.</param>
    /// <param name="targets">One array per output, in <see cref="SequenceInfo.Outputs"/> order.</param>
    /// <exception cref="ArgumentException">An array is missing, of the wrong type or rank, has a width or size other than the spec's, disagrees with the others on N or T (naming both layouts when the axes look swapped), or holds a token or class outside its range.</exception>
    public ExampleSet(SequenceInfo info, SequenceLayout layout, IReadOnlyList<Array> inputs, IReadOnlyList<Array> targets)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _arrays = ExampleArrays.Check(info, layout, inputs, targets);
        _first = 0;
        Count = _arrays.Count;
    }

    /// <summary>A view of <paramref name="count"/> examples of <paramref name="source"/> from <paramref name="first"/> on; shares its memory.</summary>
    protected ExampleSet(ExampleSet source, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, source.Count);
        _info = source._info;
        _arrays = source._arrays;
        _first = source._first + first;
        Count = count;
    }

    /// <summary>N, the number of examples.</summary>
    public int Count { get; }

    /// <summary>T, the input steps of every example.</summary>
    public int Steps => _arrays.Steps;

    /// <summary>The model the data is for.</summary>
    public SequenceInfo Info => _info;

    /// <summary>
    /// The first examples for training and the last <paramref name="testCount"/> for testing, both views of this set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testCount"/> is not in [1, N - 1].</exception>
    public (ExampleSet Train, ExampleSet Test) Split(int testCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(testCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testCount, Count - 1);
        return (Slice(0, Count - testCount), Slice(Count - testCount, testCount));
    }

    /// <summary><paramref name="count"/> examples from <paramref name="first"/> on, sharing this set's memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside [0, N).</exception>
    public ExampleSet Slice(int first, int count) => new(this, first, count);

    /// <inheritdoc/>
    public void Fill(ReadOnlySpan<int> examples, SequenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var b = 0; b < examples.Length; b++)
        {
            if ((uint)examples[b] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(examples), $"Example {examples[b]} is outside this set of {Count}.");
            }

            _arrays.Fill(_first + examples[b], b, batch);
        }
    }
}
