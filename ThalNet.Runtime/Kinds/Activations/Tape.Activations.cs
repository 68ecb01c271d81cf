using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

public sealed partial class Tape
{
    /// <summary>max(0, x) element-wise; the result has x's shape.</summary>
    public Tensor Relu(Tensor x) => Activate(x, Activation.Relu);

    /// <summary>tanh(x) element-wise; the result has x's shape.</summary>
    public Tensor Tanh(Tensor x) => Activate(x, Activation.Tanh);

    /// <summary>The logistic function 1 / (1 + e^-x) element-wise; the result has x's shape.</summary>
    public Tensor Sigmoid(Tensor x) => Activate(x, Activation.Sigmoid);

    /// <summary>GELU in its exact erf form, as torch.nn.GELU().</summary>
    public Tensor Gelu(Tensor x) => Activate(x, Activation.Gelu);

    /// <paramref name="activation"/> applied element-wise (<see cref="Activation.None"/> copies); the result has x's
    /// shape and a gradient when x has one.
    public Tensor Activate(Tensor x, Activation activation)
    {
        var y = NewTensor(x.Shape, NeedsGrad(x));
        ActivationFunctions.For(activation).Forward(x.Data, y.Data);
        if (y.RequiresGrad)
        {
            var node = Record<ActivationNode>();
            node.X = x;
            node.Y = y;
            node.Function = ActivationFunctions.For(activation);
        }

        return y;
    }

    /// <summary>log(1 + e^x), as PyTorch computes it (linear above 20).</summary>
    public Tensor Softplus(Tensor x)
    {
        var y = NewTensor(x.Shape, NeedsGrad(x));
        var xs = x.Data;
        var ys = y.Data;
        for (var i = 0; i < xs.Length; i++)
        {
            ys[i] = ActivationKernels.Softplus(xs[i]);
        }

        if (y.RequiresGrad)
        {
            var node = Record<SoftplusNode>();
            node.X = x;
            node.Y = y;
        }

        return y;
    }

    private sealed class ActivationNode : TapeNode
    {
        public Tensor X = null!;
        public Tensor Y = null!;
        public ActivationFunction Function = null!;

        public override void Backward() => Function.BackwardAdd(X.Data, Y.Data, Y.Grad, X.Grad);
    }

    private sealed class SoftplusNode : TapeNode
    {
        public Tensor X = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var xs = X.Data;
            var dy = Y.Grad;
            var dx = X.Grad;
            for (var i = 0; i < xs.Length; i++)
            {
                dx[i] += xs[i] > 20f ? dy[i] : dy[i] * ActivationKernels.Sigmoid(xs[i]);
            }
        }
    }
}
