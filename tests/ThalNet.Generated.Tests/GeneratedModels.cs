using ThalNet.Examples.Features;
using ThalNet.Examples.MultiTask;
using ThalNet.Examples.SequentialMnist;
using ThalNet.Examples.Text;
using ThalNet.Runtime.Models;

namespace ThalNet.Generated.Tests;

/// <summary>Every model generated in this project, with its spec file and its generated constant.</summary>
public static class GeneratedModels
{
    public static TheoryData<string> Names => new(Cases.Keys);

    public static IReadOnlyDictionary<string, (string Spec, Func<RandomSource, ThalNetModel> Create, int ParameterCount)> Cases { get; } =
        new Dictionary<string, (string, Func<RandomSource, ThalNetModel>, int)>
        {
            ["SequentialMnistNet"] = ("SequentialMnist.thalnet.yaml", r => new SequentialMnistNet(r), SequentialMnistNet.ParameterCount),
            ["ReadingNet"] = ("ReadingMechanisms.thalnet.yaml", r => new ReadingNet(r), ReadingNet.ParameterCount),
            ["DesignNet"] = ("ModuleDesigns.thalnet.yaml", r => new DesignNet(r), DesignNet.ParameterCount),
            ["RegressionNet"] = ("CatalogKinds.thalnet.yaml", r => new RegressionNet(r), RegressionNet.ParameterCount),
            ["ByteLanguageModel"] = ("ByteLanguageModel.thalnet.yaml", r => new ByteLanguageModel(r), ByteLanguageModel.ParameterCount),
            ["MultiTaskNet"] = ("MultiTask.thalnet.yaml", r => new MultiTaskNet(r), MultiTaskNet.ParameterCount),
            ["LinearFixtureNet"] = ("LinearFixture.thalnet.yaml", r => new LinearFixtureNet(r), LinearFixtureNet.ParameterCount),
            ["WeightNormFixtureNet"] = ("WeightNormFixture.thalnet.yaml", r => new WeightNormFixtureNet(r), WeightNormFixtureNet.ParameterCount),
            ["FastSoftmaxFixtureNet"] = ("FastSoftmaxFixture.thalnet.yaml", r => new FastSoftmaxFixtureNet(r), FastSoftmaxFixtureNet.ParameterCount),
            ["CharLanguageModelNet"] = ("CharLanguageModel.thalnet.yaml", r => new ThalNet.Examples.CharLanguageModel.CharLanguageModelNet(r), ThalNet.Examples.CharLanguageModel.CharLanguageModelNet.ParameterCount),
            ["PermutedMnistNet"] = ("PermutedMnist.thalnet.yaml", r => new ThalNet.Examples.PermutedMnist.PermutedMnistNet(r), ThalNet.Examples.PermutedMnist.PermutedMnistNet.ParameterCount),
            ["SequentialCifar10Net"] = ("SequentialCifar10.thalnet.yaml", r => new ThalNet.Examples.SequentialCifar10.SequentialCifar10Net(r), ThalNet.Examples.SequentialCifar10.SequentialCifar10Net.ParameterCount),
            ["AttributeMnistNet"] = ("SequentialMnist.thalnet.yaml", r => new AttributeMnistNet(r), AttributeMnistNet.ParameterCount),
        };

    public static string SpecText(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", file));
}
