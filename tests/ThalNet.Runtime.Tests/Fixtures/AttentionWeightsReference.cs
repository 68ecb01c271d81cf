using System.Text.Json;

namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>
/// The attention reader's weights over the module slices and the null slot, recomputed in float64 from an
/// attention_read_*.json fixture's parameters and center by the formula of its config (every size from the file).
/// </summary>
public static class AttentionWeightsReference
{
    /// <summary>Per center row b, the weights [M + 1]: softmax of (q · k_j / √K for every module j, 0 for the null slot).</summary>
    public static double[][] Compute(Fixture f)
    {
        var slices = f.Config.GetProperty("slices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var module = f.Config.GetProperty("module").GetInt32();
        var wQuery = Matrix(f.Root.GetProperty("params").GetProperty("w_query"));
        var bQuery = Values(f.Root.GetProperty("params").GetProperty("b_query"));
        var wKey = Matrix(f.Root.GetProperty("params").GetProperty("w_key"));
        var center = Matrix(f.Root.GetProperty("inputs").GetProperty("center"));
        var k = bQuery.Length;
        var offsets = new int[slices.Length];
        for (var j = 1; j < slices.Length; j++)
        {
            offsets[j] = offsets[j - 1] + slices[j - 1];
        }

        return [.. center.Select(row =>
        {
            var query = Enumerable.Range(0, k).Select(r => bQuery[r] + Enumerable.Range(0, slices[module]).Sum(c => wQuery[r][c] * row[offsets[module] + c])).ToArray();
            var scores = Enumerable.Range(0, slices.Length).Select(j =>
                Enumerable.Range(0, k).Sum(r => query[r] * Enumerable.Range(0, slices[j]).Sum(c => wKey[r][offsets[j] + c] * row[offsets[j] + c])) / Math.Sqrt(k))
                .Append(0.0).ToArray();
            var max = scores.Max();
            var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
            var sum = exps.Sum();
            return exps.Select(e => e / sum).ToArray();
        })];
    }

    private static double[][] Matrix(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var data = e.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return [.. data.Chunk(shape[1])];
    }

    private static double[] Values(JsonElement e) => [.. e.GetProperty("data").EnumerateArray().Select(v => v.GetDouble())];
}
