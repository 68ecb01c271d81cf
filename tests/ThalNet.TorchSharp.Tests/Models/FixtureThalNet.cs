using System.Text.Json;
using ThalNet.Specs;
using ThalNet.TorchSharp.Nn;
using ThalNet.TorchSharp.Tests.Infrastructure;
using TorchSharp;
using TorchTensor = TorchSharp.torch.Tensor;

namespace ThalNet.TorchSharp.Tests.Models;

/// <summary>
/// The whole model of a <c>thalnet_*</c> vector set, built on TorchSharp from the file's <c>config</c> (module
/// count, sizes, sub-steps, reading mechanism) and wired as its <c>semantics</c> say: each sub-step every module
/// reads the previous center, module 0 gets [input_t, context], ff = relu, features = GRU state, the center the
/// features in module order; the logits come from the last module after the last sub-step. Its parameters carry
/// the file's names (<c>m0.read.w</c>, <c>out.weight</c>), its reader is the catalog's type for the file's word.
/// </summary>
internal sealed class FixtureThalNet : torch.nn.Module<TorchTensor, TorchTensor>
{
    private readonly FixtureModule[] _modules;
    private readonly Linear _out;
    private readonly int _substeps;
    private readonly int _hidden;

    public FixtureThalNet(JsonElement config)
        : base(nameof(FixtureThalNet))
    {
        int Size(string name) => config.GetProperty(name).GetInt32();
        var count = Size("modules");
        _hidden = Size("gru");
        _substeps = Size("substeps");
        var reading = CatalogModules.ReadingByWord(config.GetProperty("reading").GetString()!);
        var sizes = new ReaderSizes(Center: count * _hidden, Context: Size("context"), Features: _hidden);
        _modules = new FixtureModule[count];
        for (var i = 0; i < count; i++)
        {
            var input = (i == 0 ? Size("input") : 0) + sizes.Context;
            _modules[i] = new FixtureModule(CatalogModules.TorchReader(reading, sizes), new FeedForward(input, Size("ff"), Activation.Relu), new GruCell(Size("ff"), _hidden));
            register_module($"m{i}", _modules[i]);
        }

        _out = new Linear(_hidden, Size("classes"));
        register_module("out", _out);
    }

    /// <summary>The logits [B, classes] after the whole <paramref name="sequence"/> [T, B, input].</summary>
    public override TorchTensor forward(TorchTensor sequence)
    {
        var batch = sequence.shape[1];
        var features = _modules.Select(_ => torch.zeros(batch, _hidden)).ToArray();
        var center = torch.zeros(batch, _modules.Length * _hidden);
        for (var t = 0; t < sequence.shape[0]; t++)
        {
            var input = sequence[t];
            for (var s = 0; s < _substeps; s++)
            {
                var next = new TorchTensor[_modules.Length];
                for (var i = 0; i < _modules.Length; i++)
                {
                    var module = _modules[i];
                    var context = module.Read.call(center, features[i]);
                    var x = i == 0 ? torch.cat([input, context], 1) : context;
                    next[i] = module.Gru.call(module.Ff.call(x), features[i]);
                }

                features = next;
                center = torch.cat(features, 1);
            }
        }

        return _out.call(features[^1]);
    }

    /// <summary>One module: its reader, its ff layer and its GRU cell, under the file's names.</summary>
    private sealed class FixtureModule : torch.nn.Module
    {
        public FixtureModule(Reader read, FeedForward ff, GruCell gru)
            : base(nameof(FixtureModule))
        {
            Read = read;
            Ff = ff;
            Gru = gru;
            register_module("read", read);
            register_module("ff", ff);
            register_module("gru", gru);
        }

        public Reader Read { get; }

        public FeedForward Ff { get; }

        public GruCell Gru { get; }
    }
}
