using System.Globalization;
using System.Text;

namespace ThalNet.Runtime.Analysis;

/// <summary>Text and number formatting shared by the SVG, HTML and graph exports.</summary>
internal static class XmlText
{
    /// <summary>Escapes text for XML content and attribute values; drops characters XML cannot hold.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A coordinate: invariant culture, at most two decimals.</summary>
    public static string Num(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>A value for people to read: three significant digits, invariant culture.</summary>
    public static string Value(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A share or strength in [0, 1], two decimals.</summary>
    public static string Share(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Rough text width for layout; there are no font metrics here.</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.6;
}
