using System;

namespace ThalNet.Runtime.Data;

/// <summary>
/// A byte-level corpus (text8, Tiny Shakespeare, any file; vocabulary 256) split into contiguous
/// train, validation and test parts, by default 90% / 5% / 5% in that order (for text8: the usual
/// 90M / 5M / 5M). Each part's length is rounded down; the test part takes the remainder.
/// </summary>
public sealed class ByteCorpus
{
    /// <summary>
    /// The share of the bytes that goes to <see cref="Train"/> unless a constructor says otherwise: 90%.
    /// </summary>
    public const double DefaultTrainFraction = 0.9;
    /// <summary>The share that goes to <see cref="Validation"/> unless a constructor says otherwise: 5%.</summary>
    public const double DefaultValidationFraction = 0.05;

    /// <summary>Splits <paramref name="bytes"/> (not copied) into train, validation and test parts, in that
    /// order.</summary>
    /// <param name="bytes">The whole corpus.</param>
    /// <param name="trainFraction">The share of the train part, in (0, 1].</param>
    /// <param name="validationFraction">The share of the validation part; the test part takes the rest.</param>
    /// <exception cref="ArgumentException">When the fractions are not 0 &lt; train, 0 &lt;= validation and train +
    /// validation &lt;= 1.</exception>
    public ByteCorpus(ReadOnlyMemory<byte> bytes, double trainFraction = DefaultTrainFraction, double validationFraction = DefaultValidationFraction)
    {
        if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-9))
        {
            throw new ArgumentException($"Fractions must satisfy 0 < train, 0 <= validation, train + validation <= 1; got {trainFraction} and {validationFraction}.");
        }

        var trainLength = PartLength(bytes.Length, trainFraction);
        var validationLength = Math.Min(PartLength(bytes.Length, validationFraction), bytes.Length - trainLength);
        All = bytes;
        Train = bytes[..trainLength];
        Validation = bytes.Slice(trainLength, validationLength);
        Test = bytes[(trainLength + validationLength)..];
    }

    /// <summary>The whole corpus.</summary>
    public ReadOnlyMemory<byte> All { get; }

    /// <summary>The first part, for training.</summary>
    public ReadOnlyMemory<byte> Train { get; }

    /// <summary>The middle part, for validation.</summary>
    public ReadOnlyMemory<byte> Validation { get; }

    /// <summary>The last part, for testing: whatever train and validation leave.</summary>
    public ReadOnlyMemory<byte> Test { get; }

    /// <summary>
    /// Reads a corpus file. A gzip or zip file (such as text8.zip, holding one file) is unpacked.
    /// </summary>
    /// <param name="path">The corpus file: raw bytes, gzip or a zip holding one file.</param>
    /// <param name="trainFraction">The share of the train part.</param>
    /// <param name="validationFraction">The share of the validation part.</param>
    /// <param name="howToGet">Advice for the error message; by default, where text8 and Tiny Shakespeare come from.</param>
    /// <exception cref="DatasetException">The file is missing, empty or corrupt.</exception>
    public static ByteCorpus Load(string path, double trainFraction = DefaultTrainFraction, double validationFraction = DefaultValidationFraction, string? howToGet = null)
    {
        howToGet ??= $"text8: {DatasetCatalog.Text8.HowToGet} Tiny Shakespeare: {DatasetCatalog.TinyShakespeare.HowToGet}";
        var file = FileBytes.Read(path, howToGet);
        return file.Bytes.Length == 0
            ? throw new DatasetException(path, $"the file is empty{file.LengthNote}", howToGet)
            : new ByteCorpus(file.Bytes, trainFraction, validationFraction);
    }

    // The small bias keeps products such as 20 * 0.05 = 0.99999... from losing a whole byte.
    private static int PartLength(int length, double fraction) => (int)Math.Min(length, Math.Floor((length * fraction) + 1e-6));
}
