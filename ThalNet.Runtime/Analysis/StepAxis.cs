using System.Globalization;

namespace ThalNet.Runtime.Analysis;

/// <summary>The step axis under a strip of reads (one column per sub-step, steps left to right).</summary>
internal static class StepAxis
{
    private const double MaxStripWidth = 720;

    /// <summary>The width of one column for <paramref name="reads"/> columns: the strip fills at most 720 pixels, each
    /// column 1 to 12 pixels wide.</summary>
    public static double ColumnWidth(int reads) => Math.Clamp(MaxStripWidth / Math.Max(1, reads), 1, 12);

    /// <summary>Step numbers under the strip, about every 40 pixels; thin lines between steps when there are sub-steps.</summary>
    /// <param name="svg">Draws into the current group, whose origin is the strip's top left corner.</param>
    /// <param name="steps">The number of steps.</param>
    /// <param name="substeps">Sub-steps (columns) per step.</param>
    /// <param name="cell">The width of one column.</param>
    /// <param name="gridHeight">The strip's height; the axis is drawn below it.</param>
    /// <param name="caption">The axis' caption, under the step numbers.</param>
    public static void Draw(SvgWriter svg, int steps, int substeps, double cell, double gridHeight, string caption = "step")
    {
        var stepWidth = cell * substeps;
        var every = Math.Max(1, (int)Math.Ceiling(40 / stepWidth));
        for (var step = 0; step < steps; step++)
        {
            var x = step * stepWidth;
            if (substeps > 1 && step > 0 && stepWidth >= 4)
            {
                svg.Line(x, 0, x, gridHeight, "#ffffff", 0.5);
            }

            if (step % every == 0)
            {
                svg.Line(x + (stepWidth / 2), gridHeight, x + (stepWidth / 2), gridHeight + 4, "#333");
                svg.Text(x + (stepWidth / 2), gridHeight + 14, (step + 1).ToString(CultureInfo.InvariantCulture), 9, "middle");
            }
        }

        svg.Text(0, gridHeight + 26, caption, 9, fill: "#555");
    }
}
