using ThalNet.Runtime.Data;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Feeds a <see cref="SequenceDataset"/> to a model with one dense input: the examples' values go to that input and
/// their labels to every `at: last` output, except outputs given their own labels by <see cref="WithLabels(string, ReadOnlyMemory{int})"/>
/// (auxiliary tasks of a multi-task model).
/// </summary>
public sealed class SequenceDatasetSource : ISequenceSource
{
    private readonly SequenceDataset _dataset;
    private readonly SequenceInfo _model;
    private readonly Func<int, int>?[] _labelsOf;
    private int[] _datasetLabels = [];
    private bool _checked;

    /// <summary>Examples of <paramref name="dataset"/> for <paramref name="model"/>.</summary>
    /// <param name="dataset">The examples and their labels.</param>
    /// <param name="model">A model with exactly one dense input of the dataset's width and only <c>at: last</c>
    /// outputs.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the model does not fit the dataset; the message says why.</exception>
    public SequenceDatasetSource(SequenceDataset dataset, SequenceInfo model)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Inputs.Count != 1 || model.Inputs[0].IsTokens)
        {
            throw new ArgumentException($"Model '{model.Name}' needs exactly one dense input to take a sequence dataset; it has {DescribeInputs(model)}.", nameof(model));
        }

        if (model.Inputs[0].Width != dataset.Features)
        {
            throw new ArgumentException($"Model '{model.Name}' input '{model.Inputs[0].Name}' takes {model.Inputs[0].Width} values per step but the dataset has {dataset.Features}.", nameof(dataset));
        }

        foreach (var output in model.Outputs)
        {
            if (output.EveryStep)
            {
                throw new ArgumentException($"Output '{output.Name}' of model '{model.Name}' is `at: every`; a sequence dataset has one label per example, for `at: last` outputs.", nameof(model));
            }
        }

        _dataset = dataset;
        _model = model;
        _labelsOf = new Func<int, int>?[model.Outputs.Count];
    }

    /// <inheritdoc/>
    public int Count => _dataset.Count;

    /// <inheritdoc/>
    public int Steps => _dataset.Steps;

    /// <summary>Gives output <paramref name="output"/> its own label per example (same order as the dataset).</summary>
    public SequenceDatasetSource WithLabels(string output, ReadOnlyMemory<int> labels)
    {
        var o = OutputIndex(output);
        if (labels.Length != _dataset.Count)
        {
            throw new ArgumentException($"Output '{output}' needs one label per example ({_dataset.Count}); got {labels.Length}.", nameof(labels));
        }

        var size = _model.Outputs[o].Size;
        var span = labels.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if ((uint)span[i] >= (uint)size)
            {
                throw new ArgumentException($"Label {span[i]} of example {i} for output '{output}' is outside 0..{size - 1}.", nameof(labels));
            }
        }

        _labelsOf[o] = i => labels.Span[i];
        return this;
    }

    /// <summary>Gives output <paramref name="output"/> a label computed from the example index.</summary>
    public SequenceDatasetSource WithLabels(string output, Func<int, int> labelOf)
    {
        ArgumentNullException.ThrowIfNull(labelOf);
        _labelsOf[OutputIndex(output)] = labelOf;
        return this;
    }

    /// <inheritdoc/>
    public void Fill(ReadOnlySpan<int> examples, SequenceBatch batch)
    {
        if (!_checked)
        {
            CheckDatasetLabels();
            _checked = true;
        }

        if (_datasetLabels.Length < examples.Length)
        {
            _datasetLabels = new int[examples.Length];
        }

        _dataset.FillBatch(examples, batch.Dense[0]!.Data, _datasetLabels);
        for (var o = 0; o < _labelsOf.Length; o++)
        {
            var targets = batch.Targets[o];
            if (_labelsOf[o] is { } labelOf)
            {
                for (var b = 0; b < examples.Length; b++)
                {
                    targets[b] = labelOf(examples[b]);
                }
            }
            else
            {
                _datasetLabels.AsSpan(0, examples.Length).CopyTo(targets);
            }
        }
    }

    private int OutputIndex(string output)
    {
        for (var o = 0; o < _model.Outputs.Count; o++)
        {
            if (_model.Outputs[o].Name == output)
            {
                return o;
            }
        }

        throw new ArgumentException($"Model '{_model.Name}' has no output '{output}'; it has {string.Join(", ", _model.Outputs.Select(x => $"'{x.Name}'"))}.", nameof(output));
    }

    // Outputs without their own labels take the dataset's, which must fit them. Checked on first use, after any WithLabels.
    private void CheckDatasetLabels()
    {
        for (var o = 0; o < _labelsOf.Length; o++)
        {
            var output = _model.Outputs[o];
            if (_labelsOf[o] is null && _dataset.Classes > output.Size)
            {
                throw new InvalidOperationException($"Output '{output.Name}' has {output.Size} classes but the dataset's labels go up to {_dataset.Classes - 1}; give it its own labels with WithLabels.");
            }
        }
    }

    private static string DescribeInputs(SequenceInfo model) => model.Inputs.Count == 0
        ? "none"
        : string.Join(", ", model.Inputs.Select(i => $"'{i.Name}' ({(i.IsTokens ? "tokens" : "dense")})"));
}
