namespace ThalNet.Examples.Tests.Infrastructure;

/// <summary>
/// A tiny CIFAR-10 folder in the binary format (records of 1 label byte and 3072 pixel bytes: red, green, blue
/// planes), since the real set cannot be had here. Each image's brightness follows its label, so it is learnable.
/// </summary>
internal static class TinyCifar
{
    public const int RecordLength = 1 + (32 * 32 * 3);

    private static readonly string[] TrainFiles = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>Writes the five training batches and the test batch, <paramref name="recordsPerFile"/> records each.</summary>
    public static void Write(string folder, int recordsPerFile)
    {
        var random = new Random(17);
        foreach (var name in TrainFiles.Append("test_batch.bin"))
        {
            var bytes = new byte[recordsPerFile * RecordLength];
            for (var r = 0; r < recordsPerFile; r++)
            {
                var label = r % 10;
                var record = bytes.AsSpan(r * RecordLength, RecordLength);
                record[0] = (byte)label;
                for (var p = 1; p < record.Length; p++)
                {
                    record[p] = (byte)Math.Clamp((label * 25) + random.Next(-20, 21), 0, 255);
                }
            }

            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
