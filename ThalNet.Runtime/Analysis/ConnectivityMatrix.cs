namespace ThalNet.Runtime.Analysis;

/// <summary>
/// How strongly each module reads from each module's slice of the center, read off the reading
/// weights (see CONNECTIVITY.md). For reader i with reading matrix W_i (context x center) and
/// source module j with center slice S_j:
/// <code>strength(i, j) = sum over rows r, columns c in S_j of |W_i[r, c]|  /  sum over all r, c of |W_i[r, c]|</code>
/// i.e. the share of i's reading-weight mass that falls on j's features. Each reader's row sums to
/// 1 (or is all zero when its weights are all zero, or NaN when they contain NaN).
/// </summary>
public sealed class ConnectivityMatrix
{
    private readonly double[] _strengths;

    private ConnectivityMatrix(CenterLayout layout, double[] strengths)
    {
        Layout = layout;
        _strengths = strengths;
    }

    /// <summary>The strengths read off the modules' reading matrices: for reader i and source j, the share of i's
    /// absolute weight mass on j's slice of the center.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="KeyNotFoundException">When a matrix is named after a module the layout does not
    /// have.</exception>
    /// <param name="layout">The center layout: which slice belongs to which module.</param>
    /// <param name="readingWeights">The effective reading matrix of every module, by module name
    /// (for weight-normalised reading: beta * w / ||w||).</param>
    public static ConnectivityMatrix FromReadingWeights(CenterLayout layout, IReadOnlyDictionary<string, DenseMatrix> readingWeights)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(readingWeights);
        foreach (var name in readingWeights.Keys)
        {
            layout.IndexOf(name);
        }

        var count = layout.Modules.Count;
        var strengths = new double[count * count];
        for (var reader = 0; reader < count; reader++)
        {
            var name = layout.Modules[reader].Name;
            if (!readingWeights.TryGetValue(name, out var weights))
            {
                throw new ArgumentException($"There is no reading matrix for module '{name}'.", nameof(readingWeights));
            }

            if (weights.Cols != layout.Size)
            {
                throw new ArgumentException($"The reading matrix of '{name}' has {weights.Cols} columns but the center has {layout.Size} elements.", nameof(readingWeights));
            }

            var mass = new double[count];
            for (var row = 0; row < weights.Rows; row++)
            {
                var values = weights.Row(row);
                for (var source = 0; source < count; source++)
                {
                    var slice = layout.Modules[source];
                    foreach (var w in values.Slice(slice.Offset, slice.Size))
                    {
                        mass[source] += Math.Abs(w);
                    }
                }
            }

            var total = mass.Sum();
            for (var source = 0; source < count; source++)
            {
                strengths[(reader * count) + source] = total == 0 ? 0 : mass[source] / total;
            }
        }

        return new ConnectivityMatrix(layout, strengths);
    }

    /// <summary>
    /// 1.25 / modules: a quarter more than the even share a reader gives every source before training. An
    /// untrained or briefly trained reader stays close to the even share and draws no edge; an edge says that
    /// training made the reader prefer that source. See CONNECTIVITY.md for the measurements behind it.
    /// </summary>
    public static double DefaultThreshold(int moduleCount) => Math.Min(EvenShareFactor / moduleCount, 1);

    /// <summary>How far above the even share 1 / modules the default threshold sits.</summary>
    public const double EvenShareFactor = 1.25;

    /// <summary>The center layout; its module order is the order of rows and columns.</summary>
    public CenterLayout Layout { get; }

    /// <summary>The number of modules: rows and columns of the matrix.</summary>
    public int ModuleCount => Layout.Modules.Count;

    /// <summary>The share of <paramref name="reader"/>'s reading-weight mass on <paramref name="source"/>'s slice.</summary>
    public double this[int reader, int source] => _strengths[(reader * ModuleCount) + source];

    /// <summary>The share of <paramref name="reader"/>'s reading-weight mass on <paramref name="source"/>'s slice, in
    /// [0, 1].</summary>
    /// <exception cref="KeyNotFoundException">When either module is not in the layout.</exception>
    public double Strength(string reader, string source) => this[Layout.IndexOf(reader), Layout.IndexOf(source)];

    /// <summary>Readers as rows, sources as columns, strengths with two decimals.</summary>
    public TextTable ToTable()
    {
        var headers = new List<string> { "reader \\ source" };
        headers.AddRange(Layout.Modules.Select(m => m.Name));
        var table = new TextTable(headers, headers.Select((_, i) => i == 0 ? ColumnAlignment.Left : ColumnAlignment.Right).ToArray());
        for (var reader = 0; reader < ModuleCount; reader++)
        {
            var row = new List<string> { Layout.Modules[reader].Name };
            row.AddRange(Enumerable.Range(0, ModuleCount).Select(source => XmlText.Share(this[reader, source])));
            table.AddRow(row);
        }

        return table;
    }
}
