using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Parallel;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The recurrent state carried between segments of <see cref="Streams"/> streams: one <see cref="ModelState"/> per
/// worker for its rows (all rows when the workers split the modules). Saved as one tensor per state name with all streams' rows, so a checkpoint does not depend
/// on the number of workers.
/// </summary>
internal sealed class StreamStates
{
    private readonly IReadOnlyList<string> _names;
    private readonly ModelState?[] _states;
    private readonly int[] _start;
    private readonly int?[] _owners;

    public StreamStates(DataParallel<SequenceModel> replicas, int streams)
    {
        Streams = streams;
        _names = replicas.Primary.StateNames;
        _states = new ModelState?[replicas.Workers];
        _start = new int[replicas.Workers];
        _owners = [.. _names.Select(replicas.StateOwner)];
        for (var w = 0; w < replicas.Workers; w++)
        {
            var (start, count) = replicas.Share(w, streams);
            _start[w] = start;
            if (count > 0)
            {
                // Persist moves the zero state off the tape into tensors the state owns.
                _states[w] = replicas.Replicas[w].CreateState(replicas.TapeOf(w), count);
                _states[w]!.Persist();
            }
        }
    }

    public int Streams { get; }

    public ModelState? this[int worker] => _states[worker];

    public void Zero()
    {
        foreach (var state in _states)
        {
            if (state is not null)
            {
                foreach (var value in state.Values)
                {
                    value.Data.Clear();
                }
            }
        }
    }

    /// <summary>Copies the state each worker's last pass left on its tape into the state's own tensors.</summary>
    public void Persist()
    {
        foreach (var state in _states)
        {
            state?.Persist();
        }
    }

    public IEnumerable<TensorEntry> ToTensors()
    {
        for (var i = 0; i < _names.Count; i++)
        {
            var width = Width(i);
            var values = new float[Streams * width];
            for (var w = 0; w < _states.Length; w++)
            {
                // Workers that split the modules each hold every row; only the one running the state's module is current.
                if (_owners[i] is null || _owners[i] == w)
                {
                    _states[w]?.Values[i].Data.CopyTo(values.AsSpan(_start[w] * width));
                }
            }

            yield return new TensorEntry(CarriedStateTensors.Prefix + _names[i], [Streams, width], values);
        }
    }

    /// <summary>Describes what in <paramref name="file"/> does not fit these states (nothing when all fits).</summary>
    public IEnumerable<string> Problems(SafeTensorsFile file) =>
        CarriedStateTensors.Problems(file, _names, Streams, [.. Enumerable.Range(0, _names.Count).Select(Width)]);

    public void Load(SafeTensorsFile file)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            var width = Width(i);
            var values = file[CarriedStateTensors.Prefix + _names[i]].Data.Span;
            for (var w = 0; w < _states.Length; w++)
            {
                if (_states[w] is { } state)
                {
                    var target = state.Values[i].Data;
                    values.Slice(_start[w] * width, target.Length).CopyTo(target);
                }
            }
        }
    }

    private int Width(int index)
    {
        foreach (var state in _states)
        {
            if (state is not null)
            {
                return state.Values[index].Shape.Cols;
            }
        }

        throw new InvalidOperationException("No worker carries any stream.");
    }
}
