using System.Text.Json;

namespace ThalNet.Runtime.Tests.Fixtures;

/// <summary>One PyTorch reference case from Fixtures/pytorch/*.json (computed in float64).</summary>
public sealed class Fixture
{
    private readonly JsonElement _root;

    private Fixture(JsonElement root) => _root = root;

    public static Fixture Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new Fixture(doc.RootElement.Clone());
    }

    public JsonElement Root => _root;

    public JsonElement Config => _root.GetProperty("config");

    public Tensor Param(string name) => ToTensor(_root.GetProperty("params").GetProperty(name));

    public Tensor Input(string name) => ToTensor(_root.GetProperty("inputs").GetProperty(name));

    public Tensor Output => ToTensor(_root.GetProperty("output"));

    public Tensor Upstream => ToTensor(_root.GetProperty("upstream"));

    public Tensor Grad(string name) => ToTensor(_root.GetProperty("grads").GetProperty(name));

    public IEnumerable<string> GradNames => _root.GetProperty("grads").EnumerateObject().Select(p => p.Name);

    public IEnumerable<string> ParamNames => _root.GetProperty("params").EnumerateObject().Select(p => p.Name);

    public int[] Target => _root.GetProperty("target").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public Tensor Tensor(string property) => ToTensor(_root.GetProperty(property));

    public Tensor[] TensorList(string property) => _root.GetProperty(property).EnumerateArray().Select(ToTensor).ToArray();

    public static Tensor ToTensor(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            return ThalNet.Runtime.Tensor.Scalar((float)e.GetDouble());
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            var values = e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            return ThalNet.Runtime.Tensor.FromArray(values, values.Length);
        }

        var shape = e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var data = e.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        return ThalNet.Runtime.Tensor.FromArray(data, shape);
    }
}
