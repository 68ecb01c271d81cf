using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>torch.nn.utils.clip_grad_norm_: scales all gradients by max_norm / (total_norm + 1e-6) when that is below 1.</summary>
public static class GradientClipping
{
    /// <summary>Returns the total L2 norm of all gradients before clipping.</summary>
    /// <remarks>Takes a list, not a sequence, so that a training step's call allocates no enumerator.</remarks>
    public static float ClipByGlobalNorm(IReadOnlyList<Tensor> parameters, float maxNorm)
    {
        var sum = 0.0;
        for (var p = 0; p < parameters.Count; p++)
        {
            foreach (var g in parameters[p].Grad)
            {
                sum += (double)g * g;
            }
        }

        var total = (float)Math.Sqrt(sum);
        var coefficient = maxNorm / (total + 1e-6f);
        if (coefficient < 1f)
        {
            for (var p = 0; p < parameters.Count; p++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(parameters[p].Grad, coefficient, parameters[p].Grad);
            }
        }

        return total;
    }

    /// <summary>Clips the gradients of every parameter of <paramref name="module"/> to a global L2 norm of at most
    /// <paramref name="maxNorm"/>.</summary>
    /// <returns>The global norm before clipping.</returns>
    public static float ClipByGlobalNorm(Module module, float maxNorm) => ClipByGlobalNorm(module.Parameters(), maxNorm);
}
