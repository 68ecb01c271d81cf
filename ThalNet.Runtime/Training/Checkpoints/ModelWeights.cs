using ThalNet.Runtime.IO;
using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Training;

/// <summary>
/// Saves and loads a model's weights from a hand-written training loop: a safetensors file whose keys are the
/// parameter paths (<c>vision.gru.weight_ih</c>), so PyTorch and TorchSharp read it too, with the model's name in its
/// metadata. Files are written atomically: a crash mid-write leaves the previous file intact.
/// <see cref="Trainer{TModel}"/> checkpoints hold the same parameters (and the optimizer's state), so
/// <see cref="LoadWeights"/> reads them as well.
/// </summary>
public static class ModelWeights
{
    /// <summary>The <c>format</c> entry of a weights file's metadata.</summary>
    public const string Format = "thalnet-weights";

    /// <summary>Writes every parameter of <paramref name="model"/> to <paramref name="path"/> (created or replaced).</summary>
    public static void SaveWeights(this SequenceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        var tensors = model.NamedParameters().Select(p => Checkpoint.Entry(p.Key, p.Value)).ToList();
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["model"] = model.Info.Name,
        };
        SafeTensorsWriter.WriteFile(path, tensors, metadata);
    }

    /// <summary>
    /// Replaces the parameters of <paramref name="model"/> with those in <paramref name="path"/>: a weights file, a
    /// training checkpoint or a plain safetensors file of parameters. Nothing changes unless all of them fit.
    /// </summary>
    /// <exception cref="CheckpointException">The file is corrupt, or was written by another model (the message says how the parameters differ).</exception>
    public static void LoadWeights(this SequenceModel model, string path) => Checkpoint.LoadParameters(model, path);
}
