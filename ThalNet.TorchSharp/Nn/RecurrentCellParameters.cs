namespace ThalNet.TorchSharp.Nn;

/// <summary>The four parameters of PyTorch's recurrent cells (weight_ih, weight_hh, bias_ih, bias_hh), gates stacked by rows.</summary>
internal static class RecurrentCellParameters
{
    /// <summary>Checks the sizes and draws the parameters in PyTorch's order, U(±1/√hidden).</summary>
    public static (Parameter WeightIh, Parameter WeightHh, Parameter BiasIh, Parameter BiasHh) Create(string cell, int gates, int inputSize, int hiddenSize)
    {
        if (inputSize < 1 || hiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenSize), $"{cell} sizes must be positive; got input {inputSize}, hidden {hiddenSize}.");
        }

        var rows = (long)gates * hiddenSize;
        return (Init.FanIn([rows, inputSize], hiddenSize), Init.FanIn([rows, hiddenSize], hiddenSize), Init.FanIn([rows], hiddenSize), Init.FanIn([rows], hiddenSize));
    }
}
