using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The checked, example-major copies behind an <see cref="ExampleSet"/>: one column per input and per output target,
/// each [N, T, width] (per-step) or [N, width] (`at: last` targets), so that one example's values are contiguous.
/// </summary>
internal sealed class ExampleArrays
{
    private readonly Column[] _inputs;
    private readonly Column[] _targets;

    private ExampleArrays(Column[] inputs, Column[] targets, int count, int steps)
    {
        _inputs = inputs;
        _targets = targets;
        Count = count;
        Steps = steps;
    }

    public int Count { get; }

    public int Steps { get; }

    public static ExampleArrays Check(SequenceInfo info, SequenceLayout layout, IReadOnlyList<Array> inputs, IReadOnlyList<Array> targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count != info.Inputs.Count)
        {
            throw new ArgumentException($"Model '{info.Name}' has {info.Inputs.Count} input(s) ({Names(info.Inputs.Select(i => i.Name))}); got {inputs.Count} array(s).", nameof(inputs));
        }

        if (targets.Count != info.Outputs.Count)
        {
            throw new ArgumentException($"Model '{info.Name}' has {info.Outputs.Count} output(s) ({Names(info.Outputs.Select(o => o.Name))}); got {targets.Count} target array(s).", nameof(targets));
        }

        var specs = new List<ArraySpec>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = info.Inputs[i];
            specs.Add(new ArraySpec($"input '{input.Name}'", inputs[i], input.IsTokens ? typeof(int[,]) : typeof(float[,,]), PerStep: true, input.IsTokens ? 1 : input.Width, input.IsTokens ? input.Width : 0));
        }

        for (var o = 0; o < targets.Count; o++)
        {
            var output = info.Outputs[o];
            var dense = Catalog.Loss(output.Loss).Targets == TargetKind.Dense;
            var type = (dense, output.EveryStep) switch
            {
                (true, true) => typeof(float[,,]),
                (true, false) => typeof(float[,]),
                (false, true) => typeof(int[,]),
                (false, false) => typeof(int[]),
            };
            specs.Add(new ArraySpec($"target of output '{output.Name}'", targets[o], type, output.EveryStep, dense ? output.Size : 1, dense ? 0 : output.Size));
        }

        foreach (var spec in specs)
        {
            spec.CheckType(layout);
        }

        // N from an `at: last` target when there is one (it has no step axis to confuse), else from the first array.
        var reference = specs.FirstOrDefault(s => !s.PerStep) ?? specs[0];
        var count = reference.Examples(layout);
        // T from the first per-step array that agrees on N, so one array in the wrong layout is the one named.
        var stepsFrom = specs.FirstOrDefault(s => s.PerStep && s.Examples(layout) == count);
        var steps = stepsFrom?.Steps(layout) ?? 1;
        foreach (var spec in specs)
        {
            spec.CheckAxes(layout, count, steps, reference, stepsFrom);
        }

        if (count < 1 || steps < 1)
        {
            throw new ArgumentException($"The data set needs at least one example of at least one step; {reference.Name} has {count} example(s) of {steps} step(s).");
        }

        return new ExampleArrays(
            [.. specs.Take(inputs.Count).Select(s => s.Copy(layout))],
            [.. specs.Skip(inputs.Count).Select(s => s.Copy(layout))],
            count,
            steps);
    }

    /// <summary>Copies example <paramref name="example"/> into row <paramref name="row"/> of <paramref name="batch"/>.</summary>
    public void Fill(int example, int row, SequenceBatch batch)
    {
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (batch.Tokens[i] is { } tokens)
            {
                _inputs[i].CopyTo(example, row, batch.Batch, Steps, tokens);
            }
            else
            {
                _inputs[i].CopyTo(example, row, batch.Batch, Steps, batch.Dense[i]!.Data);
            }
        }

        for (var o = 0; o < _targets.Length; o++)
        {
            if (batch.DenseTargets[o] is { } dense)
            {
                _targets[o].CopyTo(example, row, batch.Batch, Steps, dense.Data);
            }
            else
            {
                _targets[o].CopyTo(example, row, batch.Batch, Steps, batch.Targets[o].AsSpan());
            }
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Shape(Array array) => "[" + string.Join(", ", Enumerable.Range(0, array.Rank).Select(array.GetLength)) + "]";

    private static string Axes(Type type, bool perStep, SequenceLayout layout) => (type.GetArrayRank(), perStep, layout) switch
    {
        (1, _, _) => "[N]",
        (2, false, _) => "[N, size]",
        (2, true, SequenceLayout.TimeMajor) => "[T, N]",
        (2, true, _) => "[N, T]",
        (_, _, SequenceLayout.TimeMajor) => "[T, N, width]",
        _ => "[N, T, width]",
    };

    private static SequenceLayout Other(SequenceLayout layout) => layout == SequenceLayout.TimeMajor ? SequenceLayout.BatchFirst : SequenceLayout.TimeMajor;

    private sealed record ArraySpec(string Name, Array? Array, Type Type, bool PerStep, int Width, int Range)
    {
        private Array Values => Array!;

        public void CheckType(SequenceLayout layout)
        {
            if (Array is null)
            {
                throw new ArgumentException($"The {Name} is missing: it takes {Type.Name} {Axes(Type, PerStep, layout)}.");
            }

            if (Array.GetType() != Type)
            {
                throw new ArgumentException($"The {Name} takes {Type.Name} {Axes(Type, PerStep, layout)}; got {Array.GetType().Name} {Shape(Array)}.");
            }

            if (Type != typeof(int[]) && Type != typeof(int[,]) && Array.GetLength(Array.Rank - 1) != Width)
            {
                throw new ArgumentException($"The {Name} takes {Width} value(s) per {(PerStep ? "step" : "example")} (its last axis, {Axes(Type, PerStep, layout)}); got {Shape(Array)}.");
            }
        }

        public int Examples(SequenceLayout layout) => PerStep && layout == SequenceLayout.TimeMajor ? Values.GetLength(1) : Values.GetLength(0);

        public int Steps(SequenceLayout layout) => !PerStep ? 1 : layout == SequenceLayout.TimeMajor ? Values.GetLength(0) : Values.GetLength(1);

        public void CheckAxes(SequenceLayout layout, int count, int steps, ArraySpec reference, ArraySpec? stepsFrom)
        {
            var n = Examples(layout);
            var t = Steps(layout);
            if (n == count && (!PerStep || t == steps))
            {
                CheckRange();
                return;
            }

            var other = Other(layout);
            var swappedFits = PerStep && Examples(other) == count && (stepsFrom is null || Steps(other) == steps);
            var expected = $"N = {count} example(s) (from the {reference.Name})" + (stepsFrom is null ? string.Empty : $" of T = {steps} step(s) (from the {stepsFrom.Name})");
            var read = PerStep ? $"N = {n}, T = {t}" : $"N = {n}";
            throw new ArgumentException(swappedFits
                ? $"The {Name} is {Shape(Values)}: declared {layout} {Axes(Type, PerStep, layout)} that is {read}, but the data set has {expected}. It fits as {other} {Axes(Type, PerStep, other)}: declare the layout the arrays are in."
                : $"The {Name} is {Shape(Values)}: declared {layout} {Axes(Type, PerStep, layout)} that is {read}, but the data set has {expected}; it fits neither {layout} {Axes(Type, PerStep, layout)} nor {other} {Axes(Type, PerStep, other)}.");
        }

        public Column Copy(SequenceLayout layout)
        {
            var n = Examples(layout);
            var t = Steps(layout);
            var timeMajor = PerStep && layout == SequenceLayout.TimeMajor;
            switch (Values)
            {
                case float[,,] values:
                    var dense = new float[n * t * Width];
                    for (var e = 0; e < n; e++)
                    {
                        for (var s = 0; s < t; s++)
                        {
                            for (var k = 0; k < Width; k++)
                            {
                                dense[(((e * t) + s) * Width) + k] = timeMajor ? values[s, e, k] : values[e, s, k];
                            }
                        }
                    }

                    return new Column(dense, null, PerStep, Width);
                case float[,] values:
                    var rows = new float[n * Width];
                    for (var e = 0; e < n; e++)
                    {
                        for (var k = 0; k < Width; k++)
                        {
                            rows[(e * Width) + k] = values[e, k];
                        }
                    }

                    return new Column(rows, null, PerStep, Width);
                case int[,] values:
                    var steps = new int[n * t];
                    for (var e = 0; e < n; e++)
                    {
                        for (var s = 0; s < t; s++)
                        {
                            steps[(e * t) + s] = timeMajor ? values[s, e] : values[e, s];
                        }
                    }

                    return new Column(null, steps, PerStep, 1);
                default:
                    return new Column(null, (int[])((int[])Values).Clone(), PerStep, 1);
            }
        }

        private void CheckRange()
        {
            if (Range == 0)
            {
                return;
            }

            var what = Name.StartsWith("input", StringComparison.Ordinal) ? "token" : "class";
            foreach (int value in Values)
            {
                if ((uint)value >= (uint)Range)
                {
                    throw new ArgumentException($"The {Name} holds {what} {value}, outside [0, {Range}).");
                }
            }
        }
    }

    /// <summary>One array, example-major: [N, T, width] when per step, else [N, width].</summary>
    private sealed record Column(float[]? Floats, int[]? Ints, bool PerStep, int Width)
    {
        public void CopyTo(int example, int row, int batch, int steps, Span<float> destination) =>
            CopyTo(Floats!.AsSpan(), example, row, batch, steps, destination);

        public void CopyTo(int example, int row, int batch, int steps, Span<int> destination) =>
            CopyTo(Ints!.AsSpan(), example, row, batch, steps, destination);

        private void CopyTo<T>(ReadOnlySpan<T> source, int example, int row, int batch, int steps, Span<T> destination)
        {
            if (!PerStep)
            {
                source.Slice(example * Width, Width).CopyTo(destination.Slice(row * Width, Width));
                return;
            }

            for (var t = 0; t < steps; t++)
            {
                source.Slice(((example * steps) + t) * Width, Width).CopyTo(destination.Slice(((t * batch) + row) * Width, Width));
            }
        }
    }
}
