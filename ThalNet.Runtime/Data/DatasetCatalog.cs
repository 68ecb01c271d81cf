using System;
using System.Collections.Generic;

namespace ThalNet.Runtime.Data;

/// <summary>
/// The datasets of the ThalNet paper at their usual public addresses. Checksums are the published
/// ones (MNIST and CIFAR-10 as listed by their authors and torchvision; Tiny Shakespeare as measured
/// on the copy in char-rnn). text8.zip has no checksum published by its author, so it is null: a
/// cached copy is reused without verification.
/// </summary>
public static class DatasetCatalog
{
    private const string MnistMirror = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    private const string CifarUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    private const string Text8Url = "http://mattmahoney.net/dc/text8.zip";
    private const string TinyShakespeareUrl = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt";

    /// <summary>Folder inside the CIFAR-10 binary archive that holds the batch files.</summary>
    public const string CifarBatchFolder = "cifar-10-batches-bin";

    /// <summary>
    /// MNIST: four gzipped IDX files (train and test images and labels), with their published MD5 digests.
    /// </summary>
    public static DatasetInfo Mnist { get; } = new(
        "MNIST",
        "mnist",
        [
            MnistFile("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
            MnistFile("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
            MnistFile("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
            MnistFile("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"),
        ],
        $"Download MNIST from {MnistMirror} (DataDownloader.DownloadAsync(DatasetCatalog.Mnist) does it) "
        + "or pass --data to a folder containing train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
        + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (gzipped or not).");

    /// <summary>CIFAR-10, binary version: one tar.gz archive holding the batch files.</summary>
    public static DatasetInfo Cifar10 { get; } = new(
        "CIFAR-10 (binary version)",
        "cifar-10",
        [new RemoteFile("cifar-10-binary.tar.gz", new Uri(CifarUrl), Checksum.Md5("c32a1d4ab5d03f1284b67883e8d87530"), ExtractTarGz: true)],
        $"Download and extract {CifarUrl} (DataDownloader.DownloadAsync(DatasetCatalog.Cifar10) does both) "
        + $"or pass --data to the {CifarBatchFolder} folder containing data_batch_1.bin .. data_batch_5.bin and test_batch.bin.");

    /// <summary>text8: the first 100 MB of cleaned English Wikipedia, as one zip (no published checksum).</summary>
    public static DatasetInfo Text8 { get; } = new(
        "text8",
        "text8",
        [new RemoteFile("text8.zip", new Uri(Text8Url), Checksum: null)],
        $"Download {Text8Url} (DataDownloader.DownloadAsync(DatasetCatalog.Text8) does it; the zip is read as is) "
        + "or pass --data to the text8 file.");

    /// <summary>Tiny Shakespeare: about 1 MB of Shakespeare's plays as one text file (char-rnn's copy).</summary>
    public static DatasetInfo TinyShakespeare { get; } = new(
        "Tiny Shakespeare",
        "tinyshakespeare",
        [new RemoteFile("input.txt", new Uri(TinyShakespeareUrl), Checksum.Md5("6fb458f1232090904fb40fe944165e91"))],
        $"Download {TinyShakespeareUrl} (DataDownloader.DownloadAsync(DatasetCatalog.TinyShakespeare) does it) "
        + "or pass --data to any text file.");

    /// <summary>Every dataset of the catalog.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } = [Mnist, Cifar10, Text8, TinyShakespeare];

    private static RemoteFile MnistFile(string name, string md5) =>
        new(name, new Uri(MnistMirror + name), Checksum.Md5(md5));
}
