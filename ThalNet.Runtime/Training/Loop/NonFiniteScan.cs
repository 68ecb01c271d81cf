using System.Globalization;
using System.Numerics.Tensors;
using ThalNet.Runtime.Models;
using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Finds NaN and infinite values in a model's parameters or gradients. The common case (all finite) costs one
/// vectorised sum per tensor; only a sum that is not finite is scanned element by element, which also tells an
/// overflowing sum of finite values from a real NaN or infinity.
/// </summary>
public static class NonFiniteScan
{
    /// <summary>The first parameter holding a NaN or infinite value, as "'name'[index] = value", or null when all are finite.</summary>
    public static string? FirstParameter(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return First(model.NamedParameters(), gradients: false);
    }

    /// <summary>The first parameter whose gradient holds a NaN or infinite value, described as <see cref="FirstParameter"/> does.</summary>
    public static string? FirstGradient(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return First(model.NamedParameters(), gradients: true);
    }

    /// <summary>One non-finite value as the scans report it: <c>'name'[index] = value</c>.</summary>
    public static string Describe(string name, long index, float value) =>
        string.Create(CultureInfo.InvariantCulture, $"'{name}'[{index}] = {value}");

    internal static string? First(IReadOnlyList<KeyValuePair<string, Parameter>> parameters, bool gradients)
    {
        for (var p = 0; p < parameters.Count; p++)
        {
            var (name, parameter) = parameters[p];
            ReadOnlySpan<float> values = gradients ? parameter.Grad : parameter.Data;
            if (float.IsFinite(TensorPrimitives.Sum(values)))
            {
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (!float.IsFinite(values[i]))
                {
                    return Describe(name, i, values[i]);
                }
            }
        }

        return null;
    }
}
