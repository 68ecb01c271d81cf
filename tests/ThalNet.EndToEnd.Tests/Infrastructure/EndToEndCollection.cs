namespace ThalNet.EndToEnd.Tests.Infrastructure;

/// <summary>Every end-to-end test shares one pack and runs one after another: they build the same artifacts.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "End to end";
}
