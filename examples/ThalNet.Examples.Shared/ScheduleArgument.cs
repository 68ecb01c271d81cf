using System.Globalization;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// The <c>--lr-schedule</c> argument: <c>step:EPOCHS:GAMMA</c> (times GAMMA every EPOCHS epochs),
/// <c>exp:GAMMA</c> (times GAMMA every epoch) or <c>cosine:FRACTION</c> (down to FRACTION of --lr in the last epoch).
/// </summary>
public static class ScheduleArgument
{
    /// <summary>What the argument accepts, for the option's description.</summary>
    public const string Forms = "step:EPOCHS:GAMMA, exp:GAMMA or cosine:FRACTION";

    /// <summary>The schedule <paramref name="text"/> describes, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static LearningRateSchedule? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        error = null;
        switch (parts)
        {
            case ["step", var every, var gamma] when int.TryParse(every, CultureInfo.InvariantCulture, out var e) && Number(gamma) is { } g:
                return LearningRateSchedule.Step(e, g);
            case ["exp", var gamma] when Number(gamma) is { } g:
                return LearningRateSchedule.Exponential(g);
            case ["cosine", var fraction] when Number(fraction) is { } f:
                return LearningRateSchedule.Cosine(f);
            default:
                error = $"--lr-schedule '{text}' is not one of {Forms}, e.g. step:10:0.5.";
                return null;
        }
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
