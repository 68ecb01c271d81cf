using System.IO;

namespace ThalNet.Runtime.Data;

/// <summary>
/// Reads MNIST in its IDX files (<c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
/// <c>t10k-...</c>), each gzipped or raw, with or without the <c>.gz</c> suffix.
/// </summary>
public static class MnistReader
{
    /// <summary>Height and width of an image in pixels: 28.</summary>
    public const int ImageSize = 28;
    /// <summary>The number of classes: the digits 0 to 9.</summary>
    public const int Classes = 10;

    /// <summary>Loads one split: 28x28 single-channel images in [0, 1] and labels 0..9.</summary>
    /// <exception cref="DatasetException">A file is missing, truncated, corrupt or inconsistent.</exception>
    public static ImageSet Load(string directory, DataSplit split)
    {
        var howToGet = DatasetCatalog.Mnist.HowToGet;
        var prefix = split == DataSplit.Train ? "train" : "t10k";
        var imagesPath = Find(directory, $"{prefix}-images-idx3-ubyte", howToGet);
        var labelsPath = Find(directory, $"{prefix}-labels-idx1-ubyte", howToGet);

        var (imageDims, imageBytes) = IdxFile.Read(imagesPath, IdxFile.ImagesMagic, howToGet);
        if (imageDims[1] != ImageSize || imageDims[2] != ImageSize)
        {
            throw new DatasetException(imagesPath, $"images are {imageDims[1]}x{imageDims[2]}, expected {ImageSize}x{ImageSize}", howToGet);
        }

        if (imageDims[0] == 0)
        {
            throw new DatasetException(imagesPath, "holds 0 images; nothing can be trained or evaluated on it", howToGet);
        }

        var (labelDims, labelBytes) = IdxFile.Read(labelsPath, IdxFile.LabelsMagic, howToGet);
        if (labelDims[0] != imageDims[0])
        {
            throw new DatasetException(labelsPath, $"holds {labelDims[0]} labels but {imagesPath} holds {imageDims[0]} images; the two files do not belong together", howToGet);
        }

        var labels = new int[labelDims[0]];
        var labelSpan = labelBytes.Span;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labelSpan[i] >= Classes)
            {
                throw new DatasetException(labelsPath, $"label {labelSpan[i]} of example {i} is outside 0..{Classes - 1}; the file is corrupt", howToGet);
            }

            labels[i] = labelSpan[i];
        }

        var pixels = new float[imageBytes.Length];
        var pixelSpan = imageBytes.Span;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = ImageSet.Scale(pixelSpan[i]);
        }

        return new ImageSet(pixels, labels, ImageSize, ImageSize, channels: 1, Classes);
    }

    private static string Find(string directory, string baseName, string howToGet)
    {
        if (File.Exists(directory))
        {
            throw new DatasetException(directory, $"is a file, but the MNIST location must be the folder that holds {baseName}(.gz) and the other MNIST files", howToGet);
        }

        if (!Directory.Exists(directory))
        {
            throw new DatasetException(directory, "folder not found", howToGet);
        }

        var gz = Path.Combine(directory, baseName + ".gz");
        // Path.Exists: a folder of that name is taken too, for the reader to say it is not a file.
        if (Path.Exists(gz))
        {
            return gz;
        }

        var raw = Path.Combine(directory, baseName);
        return Path.Exists(raw)
            ? raw
            : throw new DatasetException(gz, $"file not found (nor {baseName} without .gz)", howToGet);
    }
}
