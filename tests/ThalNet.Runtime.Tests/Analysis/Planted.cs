using ThalNet.Runtime.Models;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

/// <summary>A 4-module layout and reading weights with known structure.</summary>
internal static class Planted
{
    public const int SliceSize = 8;
    public const int ContextSize = 6;

    public static CenterLayout Layout { get; } = new(
    [
        new CenterModule("m0", ModuleRole.Input, 0, SliceSize, TaskInputs: ["pixels"]),
        new CenterModule("m1", ModuleRole.Side, SliceSize, SliceSize),
        new CenterModule("m2", ModuleRole.Side, 2 * SliceSize, SliceSize),
        new CenterModule("m3", ModuleRole.Output, 3 * SliceSize, SliceSize, TaskOutputs: ["digit"]),
    ]);

    /// <summary>Dense random weights for every reader, except that m3 reads only m0's and m2's slices.</summary>
    public static Dictionary<string, DenseMatrix> Weights(int seed = 7)
    {
        var random = new Random(seed);
        var weights = new Dictionary<string, DenseMatrix>();
        foreach (var module in Layout.Modules)
        {
            var values = new float[ContextSize * Layout.Size];
            for (var row = 0; row < ContextSize; row++)
            {
                for (var col = 0; col < Layout.Size; col++)
                {
                    var source = col / SliceSize;
                    var planted = module.Name != "m3" || source is 0 or 2;
                    values[(row * Layout.Size) + col] = planted ? (float)((random.NextDouble() * 2) - 1) : 0f;
                }
            }

            weights[module.Name] = new DenseMatrix(ContextSize, Layout.Size, values);
        }

        return weights;
    }

    /// <summary>Parses as XML (throws if it does not) and returns the document.</summary>
    public static System.Xml.Linq.XDocument Xml(string text) => System.Xml.Linq.XDocument.Parse(text);
}
