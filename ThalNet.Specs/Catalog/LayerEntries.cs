using System.Collections.Generic;

namespace ThalNet.Specs;

/// <summary>The layer kinds; I input size, H output (hidden) size. Recurrent cells follow PyTorch's names and gate order.</summary>
internal static class LayerEntries
{
    public static IReadOnlyList<LayerEntry> All { get; } =
    [
        new(
            LayerKind.FeedForward,
            "ff",
            "act(x @ weight^T + bias), torch.nn.Linear then the activation",
            TakesActivation: true,
            Recurrence.None,
            "fully connected with {2} activation: {0} to [B, {1}]",
            [
                CatalogParameter<LayerSizes>.Uniform("weight", "[H, I]", s => [s.Output, s.Input], s => s.Input, "I"),
                CatalogParameter<LayerSizes>.Uniform("bias", "[H]", s => [s.Output], s => s.Input, "I"),
            ],
            BackendTypes.Nn("FeedForward")),
        new(
            LayerKind.Gru,
            "gru",
            "torch.nn.GRUCell, gate rows r, z, n",
            TakesActivation: false,
            Recurrence.Hidden,
            "a GRU cell: {0} and its hidden state to the next hidden state [B, {1}]",
            Cell(3),
            BackendTypes.Nn("GruCell")),
        new(
            LayerKind.Lstm,
            "lstm",
            "torch.nn.LSTMCell, gate rows i, f, g, o; the cell state is carried in the model state, the center holds h",
            TakesActivation: false,
            Recurrence.HiddenAndCell,
            "an LSTM cell: {0}, its hidden state and its cell state to the next hidden state [B, {1}]",
            Cell(4),
            BackendTypes.Nn("LstmCell")),
    ];

    /// <summary>PyTorch's recurrent cell parameters with <paramref name="gates"/> gate blocks, all U(±1/√H).</summary>
    private static CatalogParameter<LayerSizes>[] Cell(int gates)
    {
        var rows = gates + "H";
        return
        [
            CatalogParameter<LayerSizes>.Uniform("weight_ih", $"[{rows}, I]", s => [gates * (long)s.Output, s.Input], s => s.Output, "H"),
            CatalogParameter<LayerSizes>.Uniform("weight_hh", $"[{rows}, H]", s => [gates * (long)s.Output, s.Output], s => s.Output, "H"),
            CatalogParameter<LayerSizes>.Uniform("bias_ih", $"[{rows}]", s => [gates * (long)s.Output], s => s.Output, "H"),
            CatalogParameter<LayerSizes>.Uniform("bias_hh", $"[{rows}]", s => [gates * (long)s.Output], s => s.Output, "H"),
        ];
    }
}
