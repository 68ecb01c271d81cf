using System.Globalization;

namespace ThalNet.Generators.Emit;

/// <summary>C# literals, always in the invariant culture.</summary>
internal static class Literals
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float literal with the shortest text that round-trips (<c>1f</c>, <c>0.5f</c>).</summary>
    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A human-readable count for documentation (<c>47,178</c>).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
