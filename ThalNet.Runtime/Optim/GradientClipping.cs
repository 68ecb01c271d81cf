using ThalNet.Runtime.Nn;

namespace ThalNet.Runtime.Optim;

/// <summary>torch.nn.utils.clip_grad_norm_: scales all gradients by max_norm / (total_norm + 1e-6) when that is below 1.</summary>
public static class GradientClipping
{
    /// <summary>Returns the total L2 norm of all gradients before clipping.</summary>
    public static float ClipByGlobalNorm(IEnumerable<Tensor> parameters, float maxNorm)
    {
        var sum = 0.0;
        foreach (var p in parameters)
        {
            foreach (var g in p.Grad)
            {
                sum += (double)g * g;
            }
        }

        var total = (float)Math.Sqrt(sum);
        var coefficient = maxNorm / (total + 1e-6f);
        if (coefficient < 1f)
        {
            foreach (var p in parameters)
            {
                var grad = p.Grad;
                for (var i = 0; i < grad.Length; i++)
                {
                    grad[i] *= coefficient;
                }
            }
        }

        return total;
    }

    public static float ClipByGlobalNorm(Module module, float maxNorm) => ClipByGlobalNorm(module.Parameters(), maxNorm);
}
