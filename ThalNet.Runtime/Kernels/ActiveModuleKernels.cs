using System.Numerics.Tensors;

namespace ThalNet.Runtime.Kernels;

/// <summary>Selecting the modules that update (top k by activity) and keeping the rows of the others.</summary>
internal static class ActiveModuleKernels
{
    /// <summary>
    /// mask[b, j] = 1 for the <paramref name="k"/> largest activities of row b, else 0; an activity equal to another
    /// ranks below it when its module comes later (ties go to the lower module index).
    /// </summary>
    public static void TopK(ReadOnlySpan<float> activity, int rows, int modules, int k, Span<float> mask)
    {
        for (var b = 0; b < rows; b++)
        {
            var row = activity.Slice(b * modules, modules);
            var selected = mask.Slice(b * modules, modules);
            for (var j = 0; j < modules; j++)
            {
                // Module j's rank: how many modules come before it, by a larger activity or an equal one at a lower index.
                var rank = 0;
                for (var i = 0; i < modules; i++)
                {
                    if (row[i] > row[j] || (row[i] == row[j] && i < j))
                    {
                        rank++;
                    }
                }

                selected[j] = rank < k ? 1f : 0f;
            }
        }
    }

    /// <summary>Row b of y = row b of <paramref name="updated"/> where the mask is 1, of <paramref name="previous"/> where it is 0, m u + (1 - m) p between.</summary>
    public static void Blend(ReadOnlySpan<float> updated, ReadOnlySpan<float> previous, ReadOnlySpan<float> mask, int maskStride, int rows, int width, Span<float> y)
    {
        for (var b = 0; b < rows; b++)
        {
            var m = mask[b * maskStride];
            var target = y.Slice(b * width, width);
            if (m == 1f)
            {
                updated.Slice(b * width, width).CopyTo(target);
            }
            else if (m == 0f)
            {
                previous.Slice(b * width, width).CopyTo(target);
            }
            else
            {
                TensorPrimitives.Multiply(previous.Slice(b * width, width), 1f - m, target);
                TensorPrimitives.MultiplyAdd(updated.Slice(b * width, width), m, target, target);
            }
        }
    }

    /// <summary>dx[b] += scale(b) dy[b] for every row, scale(b) = m or 1 - m (<paramref name="complement"/>).</summary>
    public static void AddMaskedRows(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, int maskStride, bool complement, int rows, int width, Span<float> dx)
    {
        for (var b = 0; b < rows; b++)
        {
            var m = mask[b * maskStride];
            var scale = complement ? 1f - m : m;
            if (scale != 0f)
            {
                var target = dx.Slice(b * width, width);
                TensorPrimitives.MultiplyAdd(dy.Slice(b * width, width), scale, target, target);
            }
        }
    }
}
