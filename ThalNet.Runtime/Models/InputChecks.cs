namespace ThalNet.Runtime.Models;

/// <summary>
/// Checks the inputs handed to a model against its spec, before any layer sees them, so a wrong shape is
/// reported in spec terms (the model, the input, the size the spec declares) instead of deep inside a GRU cell.
/// Generated code and <see cref="ThalNetModel"/> call these; they are public so generated code in other
/// assemblies can.
/// </summary>
public static class InputChecks
{
    /// <summary>
    /// Checks the inputs of a whole sequence: every dense input is [T, B, width], every token input holds T * B
    /// tokens. <paramref name="dense"/> and <paramref name="tokens"/> are indexed like <see cref="SequenceInfo.Inputs"/>.
    /// </summary>
    /// <param name="info">The model, whose name and inputs the messages use.</param>
    /// <param name="dense">Per input, its dense values or null for a token input.</param>
    /// <param name="tokens">Per input, its tokens or null for a dense input.</param>
    /// <param name="steps">T, the number of input steps.</param>
    /// <param name="batch">B, the number of sequences.</param>
    /// <exception cref="ArgumentException">An input is missing or does not have the spec's shape.</exception>
    public static void Sequence(SequenceInfo info, ReadOnlySpan<Tensor?> dense, ReadOnlySpan<int[]?> tokens, int steps, int batch)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (steps < 1 || batch < 1)
        {
            throw new ArgumentException($"{info.Name}: a sequence batch needs at least one step and one sequence, got {steps} steps of {batch} sequences.");
        }

        for (var i = 0; i < info.Inputs.Count; i++)
        {
            var input = info.Inputs[i];
            if (input.IsTokens)
            {
                var values = tokens[i] ?? throw Missing(info, input, "an int[] of tokens");
                if (values.Length != steps * batch)
                {
                    throw new ArgumentException(
                        $"{info.Name}: input '{input.Name}' holds {values.Length} tokens, but {steps} steps of {batch} sequences need {steps * batch} (time-major, [T * B]).",
                        input.Name);
                }
            }
            else
            {
                var shape = Dense(info, i, dense[i] ?? throw Missing(info, input, $"a [T, B, {input.Width}] tensor")).Shape;
                if (shape[0] != steps || shape[1] != batch)
                {
                    throw new ArgumentException(
                        $"{info.Name}: input '{input.Name}' is {shape}, but the sequence is {steps} steps of {batch} sequences ([{steps}, {batch}, {input.Width}]).",
                        input.Name);
                }
            }
        }
    }

    /// <summary>Checks that a dense input of a whole sequence is [T, B, width], so T and B can be read off it.</summary>
    /// <param name="info">The model, whose name and inputs the messages use.</param>
    /// <param name="index">The input's index in <see cref="SequenceInfo.Inputs"/>.</param>
    /// <param name="values">The input's values.</param>
    /// <returns><paramref name="values"/>, checked.</returns>
    /// <exception cref="ArgumentException">The tensor is not [T, B, width].</exception>
    public static Tensor Dense(SequenceInfo info, int index, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(info);
        var input = info.Inputs[index];
        ArgumentNullException.ThrowIfNull(values, input.Name);
        var shape = values.Shape;
        if (shape.Rank != 3)
        {
            throw new ArgumentException($"{info.Name}: input '{input.Name}' must be a time-major [T, B, {input.Width}] tensor, got {shape}.", input.Name);
        }

        return shape[2] == input.Width ? values : throw WrongWidth(info, input, shape[2], $"[T, B, {input.Width}]", shape);
    }

    /// <summary>Checks the tensor of one input at one step: [B, width] (token inputs arrive one-hot, [B, vocabulary]).</summary>
    /// <param name="info">The model, whose name and inputs the messages use.</param>
    /// <param name="index">The input's index in <see cref="SequenceInfo.Inputs"/>.</param>
    /// <param name="values">The step's tensor.</param>
    /// <returns><paramref name="values"/>, checked.</returns>
    /// <exception cref="ArgumentException">The tensor is not [B, width].</exception>
    public static Tensor Step(SequenceInfo info, int index, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(info);
        var input = info.Inputs[index];
        ArgumentNullException.ThrowIfNull(values, input.Name);
        var shape = values.Shape;
        if (shape.Rank != 2)
        {
            throw new ArgumentException($"{info.Name}: input '{input.Name}' of one step must be a [B, {input.Width}] tensor, got {shape}.", input.Name);
        }

        if (shape[1] != input.Width)
        {
            throw WrongWidth(info, input, shape[1], $"[B, {input.Width}]", shape);
        }

        return values;
    }

    private static ArgumentException WrongWidth(SequenceInfo info, InputInfo input, int width, string expected, Shape shape)
    {
        var declared = input.IsTokens ? $"{{ tokens: {input.Width} }}, one-hot over {input.Width} classes" : $"{input.Width}";
        return new ArgumentException(
            $"{info.Name}: input '{input.Name}' has {width} values per step, but the spec declares '{input.Name}: {declared}' (expected {expected}, got {shape}).",
            input.Name);
    }

    private static ArgumentException Missing(SequenceInfo info, InputInfo input, string expected)
        => new($"{info.Name}: input '{input.Name}' is missing; it needs {expected}.", input.Name);
}
