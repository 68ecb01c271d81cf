namespace ThalNet.Runtime.Data;

/// <summary>The official split of an image dataset (MNIST, CIFAR-10).</summary>
public enum DataSplit
{
    Train,
    Test,
}
