namespace ThalNet.Runtime.Data;

/// <summary>The official split of an image dataset (MNIST, CIFAR-10).</summary>
public enum DataSplit
{
    /// <summary>The training images (MNIST 60,000, CIFAR-10 50,000).</summary>
    Train,
    /// <summary>The test images (10,000 each).</summary>
    Test,
}
