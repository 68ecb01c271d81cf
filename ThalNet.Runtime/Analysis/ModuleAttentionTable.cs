namespace ThalNet.Runtime.Analysis;

/// <summary>The attention readers' mean weights over the analysis data as one table: reading modules as rows, every
/// module and the null slot as columns.</summary>
public static class ModuleAttentionTable
{
    /// <summary>One row per trace: its reading module, then its mean weight on each source module and on the null slot,
    /// two decimals (each row sums to 1).</summary>
    /// <param name="traces">The attention readers' traces, all over the same modules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="traces"/> is null.</exception>
    /// <exception cref="ArgumentException">The traces are empty or attend over different modules.</exception>
    public static TextTable ToTable(IReadOnlyList<ModuleAttentionTrace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        if (traces.Count == 0)
        {
            throw new ArgumentException("There is no attention reader to tabulate.", nameof(traces));
        }

        var sources = traces[0].Sources;
        if (traces.Any(t => !t.Sources.SequenceEqual(sources)))
        {
            throw new ArgumentException("The attention readers attend over different modules.", nameof(traces));
        }

        var headers = new List<string> { "reader \\ source" };
        headers.AddRange(sources);
        headers.Add(ModuleAttentionTrace.NullSlot);
        var table = new TextTable(headers, [.. headers.Select((_, i) => i == 0 ? ColumnAlignment.Left : ColumnAlignment.Right)]);
        foreach (var trace in traces)
        {
            table.AddRow([trace.Module, .. trace.Mean.Select(XmlText.Share)]);
        }

        return table;
    }
}
