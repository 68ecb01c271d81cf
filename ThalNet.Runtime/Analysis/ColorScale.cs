using System.Globalization;

namespace ThalNet.Runtime.Analysis;

/// <summary>Maps a value in [0, 1] to a colour by linear interpolation between evenly spaced stops.</summary>
public sealed class ColorScale
{
    private readonly (byte R, byte G, byte B)[] _stops;

    /// <param name="stops">Colours as <c>#rrggbb</c>, from the low end to the high end.</param>
    public ColorScale(params string[] stops)
    {
        if (stops.Length < 2)
        {
            throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        }

        _stops = stops.Select(Parse).ToArray();
    }

    /// <summary>Black for small magnitudes, white for large ones.</summary>
    public static ColorScale Grey { get; } = new("#000000", "#ffffff");

    /// <summary>Perceptually uniform, readable in greyscale and by colour-blind readers (matplotlib's viridis).</summary>
    public static ColorScale Viridis { get; } = new("#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725");

    /// <summary>The colour for <paramref name="t"/>, clamped to [0, 1]; NaN gets a loud magenta.</summary>
    public string Map(double t)
    {
        if (double.IsNaN(t))
        {
            return "#ff00ff";
        }

        var position = Math.Clamp(t, 0, 1) * (_stops.Length - 1);
        var index = Math.Min((int)position, _stops.Length - 2);
        var f = position - index;
        var (a, b) = (_stops[index], _stops[index + 1]);
        return $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}";
    }

    private static int Mix(byte a, byte b, double f) => (int)Math.Round(a + ((b - a) * f));

    private static (byte, byte, byte) Parse(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new ArgumentException($"'{hex}' is not a colour of the form #rrggbb.", nameof(hex));
        }

        return ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }
}
