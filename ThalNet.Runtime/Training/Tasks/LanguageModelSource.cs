using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Feeds a <see cref="LanguageModelBatcher"/> to a model with one token input: the bytes go to that input and the
/// next bytes are the targets of every `at: every` output.
/// </summary>
public sealed class LanguageModelSource : IStreamSource
{
    private readonly LanguageModelBatcher _batcher;
    private readonly int[] _inputs;
    private readonly int[] _targets;
    private int _filledSegment = -1;

    /// <summary>Language modelling on <paramref name="batcher"/>'s bytes for <paramref name="model"/>.</summary>
    /// <param name="batcher">The byte streams and segments.</param>
    /// <param name="model">A model with exactly one token input of at least 256 tokens and only <c>at: every</c>
    /// outputs of at least 256 classes.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the model does not fit byte-level language modelling; the message says
    /// why.</exception>
    public LanguageModelSource(LanguageModelBatcher batcher, SequenceInfo model)
    {
        ArgumentNullException.ThrowIfNull(batcher);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Inputs.Count != 1 || !model.Inputs[0].IsTokens)
        {
            throw new ArgumentException($"Model '{model.Name}' needs exactly one token input for language modelling; it has {model.Inputs.Count} input(s).", nameof(model));
        }

        if (model.Inputs[0].Width < 256)
        {
            throw new ArgumentException($"Model '{model.Name}' input '{model.Inputs[0].Name}' has a vocabulary of {model.Inputs[0].Width}; bytes need 256.", nameof(model));
        }

        foreach (var output in model.Outputs)
        {
            if (!output.EveryStep)
            {
                throw new ArgumentException($"Output '{output.Name}' of model '{model.Name}' is `at: last`; language modelling predicts at every step.", nameof(model));
            }

            if (output.Size < 256)
            {
                throw new ArgumentException($"Output '{output.Name}' of model '{model.Name}' has {output.Size} classes; bytes need 256.", nameof(model));
            }
        }

        _batcher = batcher;
        _inputs = new int[batcher.TokensPerSegment];
        _targets = new int[batcher.TokensPerSegment];
    }

    /// <inheritdoc/>
    public int Streams => _batcher.BatchSize;

    /// <inheritdoc/>
    public int Steps => _batcher.SegmentLength;

    /// <inheritdoc/>
    public int SegmentCount => _batcher.SegmentCount;

    /// <inheritdoc/>
    public void Fill(int segment, int firstStream, SequenceBatch batch)
    {
        // Every worker asks for the same segment in turn: read it once.
        if (segment != _filledSegment)
        {
            _batcher.Fill(segment, _inputs, _targets);
            _filledSegment = segment;
        }

        var rows = batch.Batch;
        var streams = _batcher.BatchSize;
        for (var t = 0; t < Steps; t++)
        {
            var source = (t * streams) + firstStream;
            _inputs.AsSpan(source, rows).CopyTo(batch.Tokens[0]!.AsSpan(t * rows, rows));
            for (var o = 0; o < batch.Targets.Length; o++)
            {
                _targets.AsSpan(source, rows).CopyTo(batch.Targets[o].AsSpan(t * rows, rows));
            }
        }
    }
}
