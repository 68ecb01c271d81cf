namespace ThalNet.Runtime.Training;

/// <summary>How the axes of a sequence array are ordered; always declared by the caller, never guessed from the shape.</summary>
public enum SequenceLayout
{
    /// <summary>Steps first: dense inputs [T, N, width], tokens and per-step classes [T, N], per-step dense targets [T, N, size].</summary>
    TimeMajor,

    /// <summary>Examples first, as PyTorch's <c>batch_first=True</c>: [N, T, width], [N, T], [N, T, size].</summary>
    BatchFirst,
}
