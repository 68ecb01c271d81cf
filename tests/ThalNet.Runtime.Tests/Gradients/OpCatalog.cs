namespace ThalNet.Runtime.Tests.Gradients;

/// <summary>
/// One call of every tape operation on small random inputs that track gradients, for tests of engine behaviour
/// that must hold for all of them (no-grad scopes record nothing and compute the same values).
/// </summary>
internal sealed class OpCatalog
{
    private readonly Tensor _x;
    private readonly Tensor _rank3;
    private readonly Tensor _row;
    private readonly Tensor _weight;
    private readonly Tensor _bias;
    private readonly Tensor _h;
    private readonly Tensor _weightIh;
    private readonly Tensor _weightHh;
    private readonly Tensor _gruBias;
    private readonly Tensor _beta;
    private readonly Tensor _readW;
    private readonly Tensor _readBias;
    private readonly Tensor _gaussianW;
    private readonly Tensor _gaussianBias;
    private readonly Tensor _attentionQuery;
    private readonly int[] _slices = [1, 3];
    private readonly Tensor _mask = Tensor.FromArray([1f, 0f, 0f, 1f, 1f, 0f], 3, 2);
    private readonly int[] _targets = [1, 0, 3];

    // A field, not Shape.Of(2, 6) inline: unoptimised code allocates when it reads a constant span.
    private readonly Shape _reshaped = Shape.Of(2, 6);

    public OpCatalog(ulong seed)
    {
        var random = new RandomSource(seed);
        Tensor Draw(params int[] dims) => RandomTensors.Uniform(random, Shape.Of(dims));
        (_x, _rank3, _row, _weight, _bias, _h) = (Draw(3, 4), Draw(2, 3, 4), Draw(4), Draw(5, 4), Draw(5), Draw(3, 2));
        (_weightIh, _weightHh, _gruBias, _beta) = (Draw(6, 4), Draw(6, 2), Draw(6), RandomTensors.Uniform(random, Shape.Scalar, 0.5f, 2f));
        (_readW, _readBias, _gaussianW, _gaussianBias) = (Draw(2, 4 * 3), Draw(4 * 3), Draw(2, 3), Draw(3));
        _attentionQuery = Draw(5, 3);
    }

    public static bool IsView(string name) => name is "Reshape" or "Narrow" or "Select";

    /// <summary>The leaf tensors that the operations read.</summary>
    public IEnumerable<Tensor> Leaves =>
        [_x, _rank3, _row, _weight, _bias, _h, _weightIh, _weightHh, _gruBias, _beta, _readW, _readBias, _gaussianW, _gaussianBias, _attentionQuery];

    /// <summary>Every operation, by name; views (Reshape, Narrow, Select) record no node of their own.</summary>
    public IReadOnlyList<(string Name, Func<Tape, Tensor> Op)> Operations =>
    [
        ("MatMul", tape => tape.MatMul(_x, tape.TransposeConstant(_weight))),
        ("Linear", tape => tape.Linear(_rank3, _weight, _bias, Activation.Tanh)),
        ("Add", tape => tape.Add(_x, _row)),
        ("Mul", tape => tape.Mul(_rank3, _x)),
        ("Scale", tape => tape.Scale(_x, 3f)),
        ("Relu", tape => tape.Relu(_x)),
        ("Tanh", tape => tape.Tanh(_x)),
        ("Sigmoid", tape => tape.Sigmoid(_x)),
        ("Activate", tape => tape.Activate(_x, Activation.Sigmoid)),
        ("Softplus", tape => tape.Softplus(_x)),
        ("Softmax", tape => tape.Softmax(_rank3, 1)),
        ("LogSoftmax", tape => tape.LogSoftmax(_rank3, 0)),
        ("Sum", tape => tape.Sum(_x)),
        ("Mean", tape => tape.Mean(_rank3, 2)),
        ("Concat", tape => tape.Concat(1, _x, _x, _h)),
        ("Slice", tape => tape.Slice(_rank3, 2, 1, 2)),
        ("Reshape", tape => tape.Reshape(_x, _reshaped)),
        ("Narrow", tape => tape.Narrow(_x, 1, 2)),
        ("Select", tape => tape.Select(_rank3, 1)),
        ("CrossEntropy", tape => tape.CrossEntropy(_x, _targets, 0.5f)),
        ("Embedding", tape => tape.Embedding(_weight, _targets)),
        ("GruCell", tape => tape.GruCell(_x, _h, _weightIh, _weightHh, _gruBias, _gruBias)),
        ("WeightNormMatrix", tape => tape.WeightNormMatrix(_weight, _beta)),
        ("LinearRead", tape => tape.LinearRead(_x, _weight)),
        ("WeightNormRead", tape => tape.WeightNormRead(_x, _weight, _beta)),
        ("FastSoftmaxRead", tape => tape.FastSoftmaxRead(_x, _h, _readW, _readBias)),
        ("FastGaussianRead", tape => tape.FastGaussianRead(_x, _h, _gaussianW, _gaussianBias, _gaussianW, _gaussianBias)),
        ("KeepInactive", tape => tape.KeepInactive(_x, tape.Scale(_x, 2f), _mask, 1)),
        ("AttentionRead", tape => tape.AttentionRead(_x, _slices, 1, _attentionQuery, _bias, _weight, _weight, out _)),
    ];
}
