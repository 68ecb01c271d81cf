using ThalNet.Runtime.Models;
using ThalNet.Runtime.Analysis;

namespace ThalNet.Runtime.Tests.Analysis;

public class CenterLayoutTests
{
    [Fact]
    public void Sequential_layout_places_slices_one_after_another()
    {
        var layout = CenterLayout.Sequential([("a", ModuleRole.Input, 3), ("b", ModuleRole.Output, 5)]);

        Assert.Equal(8, layout.Size);
        Assert.Equal(3, layout["b"].Offset);
        Assert.Equal(1, layout.IndexOf("b"));
    }

    [Fact]
    public void Gaps_overlaps_duplicates_and_empty_slices_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CenterLayout([new CenterModule("a", ModuleRole.Side, 0, 4), new CenterModule("b", ModuleRole.Side, 5, 4)]));
        Assert.Throws<ArgumentException>(() => new CenterLayout([new CenterModule("a", ModuleRole.Side, 0, 4), new CenterModule("b", ModuleRole.Side, 3, 4)]));
        Assert.Throws<ArgumentException>(() => new CenterLayout([new CenterModule("a", ModuleRole.Side, 0, 4), new CenterModule("a", ModuleRole.Side, 4, 4)]));
        Assert.Throws<ArgumentException>(() => new CenterLayout([new CenterModule("a", ModuleRole.Side, 0, 0)]));
        Assert.Throws<ArgumentException>(() => new CenterLayout([]));
        Assert.Throws<KeyNotFoundException>(() => CenterLayout.Sequential([("a", ModuleRole.Side, 1)]).IndexOf("b"));
    }
}
