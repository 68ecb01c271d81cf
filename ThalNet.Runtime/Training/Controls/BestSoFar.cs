using System.Globalization;

namespace ThalNet.Runtime.Training;

/// <summary>
/// The best value of one metric over the epoch ends so far and how many epoch ends have passed without beating it;
/// saved in checkpoint metadata under a prefix so that a resumed run judges improvements exactly as before.
/// </summary>
internal sealed class BestSoFar(string prefix)
{
    /// <summary>The best value, NaN before the first epoch end.</summary>
    public double Best { get; private set; } = double.NaN;

    /// <summary>The epoch (1-based) of <see cref="Best"/>, 0 before the first.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Epoch ends since <see cref="Best"/> was set.</summary>
    public int EpochsSinceBest { get; private set; }

    /// <summary>Takes epoch <paramref name="epoch"/>'s value; true when it beats the best by more than <paramref name="minDelta"/> (a NaN never does).</summary>
    public bool Update(double value, int epoch, bool higherIsBetter, double minDelta)
    {
        var improved = !double.IsNaN(value) && (double.IsNaN(Best) || (higherIsBetter ? value > Best + minDelta : value < Best - minDelta));
        if (improved)
        {
            Best = value;
            BestEpoch = epoch;
            EpochsSinceBest = 0;
        }
        else
        {
            EpochsSinceBest++;
        }

        return improved;
    }

    public void Save(IDictionary<string, string> metadata)
    {
        metadata[prefix + "best"] = Best.ToString("R", CultureInfo.InvariantCulture);
        metadata[prefix + "best_epoch"] = BestEpoch.ToString(CultureInfo.InvariantCulture);
        metadata[prefix + "epochs_since_best"] = EpochsSinceBest.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; a checkpoint written without this control starts it afresh.</summary>
    public void Load(CheckpointMetadata metadata)
    {
        if (!metadata.TryGet(prefix + "best", out _))
        {
            return;
        }

        Best = metadata.Double(prefix + "best");
        BestEpoch = metadata.Int(prefix + "best_epoch");
        EpochsSinceBest = metadata.Int(prefix + "epochs_since_best");
    }
}
