using ThalNet.Runtime.Nn;
using ThalNet.Runtime.Optim;

namespace ThalNet.Runtime.Tests.Optim;

public sealed class OptimizerStateTests
{
    [Fact]
    public void State_round_trips_buffers_and_a_step_count_beyond_float_precision()
    {
        var p = new Parameter(3);
        p.Grad.Fill(0.5f);
        var adam = new Adam([new("w", p)]);
        adam.Step();
        var state = adam.StateTensors().ToDictionary(e => e.Key, e => e.Value);
        var bigStep = (1L << 30) + 12345;
        state["step"] = Tensor.FromArray([bigStep >> 24, bigStep & ((1 << 24) - 1)], 2);

        var restored = new Adam([new("w", new Parameter(3))]);
        restored.LoadStateTensors(state);

        Assert.Equal(bigStep, restored.StepCount);
        Assert.Equal(state["exp_avg.w"].ToArray(), restored.StateTensors().Single(e => e.Key == "exp_avg.w").Value.ToArray());
        Assert.Equal(bigStep, restored.StateTensors().ToDictionary(e => e.Key, e => e.Value)["step"] is var t ? ((long)t.Data[0] << 24) + (long)t.Data[1] : 0);
    }
}
