using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>One row per token with a 1 at the token's index: [tokens, classes], without gradients.</summary>
    public Tensor OneHot(ReadOnlySpan<int> tokens, int classes)
    {
        CheckTokens("OneHot", tokens, classes);
        var y = NewTensor(Shape.Of(tokens.Length, classes), requiresGrad: false);
        var ys = y.Data;
        ys.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            ys[(i * classes) + tokens[i]] = 1f;
        }

        y.MarkOneHot(classes, tokens);
        return y;
    }

    /// <summary>Rows of <paramref name="weight"/> [V, D] picked by token: [tokens, D]; gradients scatter back.</summary>
    public Tensor Embedding(Tensor weight, ReadOnlySpan<int> tokens)
    {
        if (weight.Shape.Rank != 2)
        {
            throw new ShapeMismatchException("Embedding", weight.Shape, "the weight must be [V, D]");
        }

        CheckTokens("Embedding", tokens, weight.Shape[0]);
        var dim = weight.Shape[1];
        var y = NewTensor(Shape.Of(tokens.Length, dim), NeedsGrad(weight));
        OneHotProducts.GatherRows(tokens, weight.Data, dim, default, y.Data);

        if (y.RequiresGrad)
        {
            var node = Record<EmbeddingNode>();
            node.Set(weight, y, tokens);
        }

        return y;
    }

    private static void CheckTokens(string operation, ReadOnlySpan<int> tokens, int classes)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((uint)tokens[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"{operation}: token {tokens[i]} at {i} is outside 0..{classes - 1}.");
            }
        }
    }

    private sealed class EmbeddingNode : TapeNode
    {
        private int[] _tokens = [];
        private Tensor _weight = null!;
        private Tensor _y = null!;

        public void Set(Tensor weight, Tensor y, ReadOnlySpan<int> tokens)
        {
            if (_tokens.Length != tokens.Length)
            {
                _tokens = new int[tokens.Length];
            }

            tokens.CopyTo(_tokens);
            _weight = weight;
            _y = y;
        }

        public override void Backward()
        {
            var dim = _weight.Shape[1];
            var dw = _weight.Grad;
            var dy = _y.Grad;
            for (var i = 0; i < _tokens.Length; i++)
            {
                var src = dy.Slice(i * dim, dim);
                var dst = dw.Slice(_tokens[i] * dim, dim);
                for (var j = 0; j < dim; j++)
                {
                    dst[j] += src[j];
                }
            }
        }
    }
}
