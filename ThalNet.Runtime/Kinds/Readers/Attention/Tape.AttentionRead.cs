using ThalNet.Runtime.Kernels;

namespace ThalNet.Runtime;

/// <summary>The attention reader's operation: key-value attention over the module slices of the center, with a null slot.</summary>
public sealed partial class Tape
{
    /// <summary>
    /// Attention reading by module <paramref name="module"/>: the center [B, C] is the concatenation of module slices
    /// phi_j of the sizes <paramref name="sliceSizes"/> (in center order, summing to C). q = phi_module @ w_query^T +
    /// b_query; for every module j, k_j = phi_j @ w_key[:, slice_j]^T and v_j = phi_j @ w_value[:, slice_j]^T;
    /// a = softmax over the M scores q · k_j / √K and a null slot of score 0 and value 0; context [B, K] = Σ_j a_j v_j.
    /// w_query is [K, F_module], b_query [K], w_key and w_value [K, C].
    /// </summary>
    /// <param name="center">[B, C], the concatenation of the module slices.</param>
    /// <param name="sliceSizes">The feature size of every module, in center order (M slices summing to C).</param>
    /// <param name="module">The reading module's index in [0, M).</param>
    /// <param name="wQuery">[K, F_module].</param>
    /// <param name="bQuery">[K].</param>
    /// <param name="wKey">[K, C]; module j's keys use the columns of its slice.</param>
    /// <param name="wValue">[K, C]; module j's values use the columns of its slice.</param>
    /// <param name="nullWeight">The weight a_null of every example, [B], owned by this tape and without gradient (the
    /// selection of competing modules ranks them by 1 − a_null and passes no gradient).</param>
    /// <param name="keyValuesTransposed">[C, 2K] from <see cref="AttentionKeyValuesTransposed"/> of the same weights, to
    /// reuse within one graph; null computes it.</param>
    /// <param name="probe">When set, sees every example's weights [B, M + 1] over the modules and the null slot (last).</param>
    /// <exception cref="ShapeMismatchException">The shapes do not fit one another or the slices.</exception>
    public Tensor AttentionRead(
        Tensor center, ReadOnlyMemory<int> sliceSizes, int module, Tensor wQuery, Tensor bQuery, Tensor wKey, Tensor wValue, out Tensor nullWeight,
        Tensor? keyValuesTransposed = null, IModuleAttentionObserver? probe = null)
    {
        var slices = sliceSizes.Span;
        var (rows, c) = (center.Shape.Rows, center.Shape.Cols);
        var k = bQuery.Length;
        var total = 0;
        foreach (var size in slices)
        {
            total += size;
        }

        if (center.Shape.Rank != 2 || module < 0 || module >= slices.Length || total != c || bQuery.Shape != Shape.Of(k)
            || wQuery.Shape != Shape.Of(k, slices[module]) || wKey.Shape != Shape.Of(k, c) || wValue.Shape != Shape.Of(k, c))
        {
            throw new ShapeMismatchException("AttentionRead", center.Shape, wKey.Shape,
                $"expected center [B, C] with C = {total}, the sum of {slices.Length} slices; module in [0, {slices.Length}); w_query [K, F_module] = {wQuery.Shape}, b_query [K] = {bQuery.Shape}, w_key and w_value [K, C] = {wValue.Shape}");
        }

        var modules = slices.Length;
        var needsGrad = IsRecording && (center.RequiresGrad || wQuery.RequiresGrad || bQuery.RequiresGrad || wKey.RequiresGrad || wValue.RequiresGrad);
        var packed = keyValuesTransposed ?? AttentionKeyValuesTransposed(wKey, wValue);
        var queryOffset = Offset(slices, module);
        var queryTransposed = TransposeConstant(wQuery);
        var query = NewTensor(Shape.Of(rows, k), requiresGrad: false);
        Gemm.Run(rows, k, slices[module], center.Data[queryOffset..], c, 1, queryTransposed.Data, k, query.Data, k, accumulate: false, bQuery.Data);
        var keyValues = NewTensor(Shape.Of(rows, modules, 2 * k), requiresGrad: false);
        for (int j = 0, offset = 0; j < modules; offset += slices[j], j++)
        {
            Gemm.Run(rows, 2 * k, slices[j], center.Data[offset..], c, 1, packed.Data[(offset * 2 * k)..], 2 * k, keyValues.Data[(j * 2 * k)..], modules * 2 * k, accumulate: false);
        }

        var weights = NewTensor(Shape.Of(rows, modules + 1), requiresGrad: false);
        var y = NewTensor(Shape.Of(rows, k), needsGrad);
        AttentionKernels.Forward(rows, modules, k, query.Data, keyValues.Data, weights.Data, y.Data);
        probe?.Add(weights.Data, rows, modules);
        nullWeight = NewTensor(Shape.Of(rows), requiresGrad: false);
        VectorMath.CopyRows(weights.Data[modules..], modules + 1, nullWeight.Data, 1, rows, 1);
        if (needsGrad)
        {
            var node = Record<AttentionReadNode>();
            node.Tape = this;
            node.Center = center;
            node.Slices = sliceSizes;
            node.ModuleIndex = module;
            node.WQuery = wQuery;
            node.BQuery = bQuery;
            node.WKey = wKey;
            node.WValue = wValue;
            node.Query = query;
            node.KeyValues = keyValues;
            node.Weights = weights;
            node.Y = y;
        }

        return y;
    }

    /// <summary>[w_key; w_value] transposed and interleaved per center column, [C, 2K]: a constant of the current graph that <see cref="AttentionRead"/> can reuse.</summary>
    public Tensor AttentionKeyValuesTransposed(Tensor wKey, Tensor wValue)
    {
        if (wKey.Shape.Rank != 2 || wKey.Shape != wValue.Shape)
        {
            throw new ShapeMismatchException("AttentionKeyValuesTransposed", wKey.Shape, wValue.Shape, "w_key and w_value must both be [K, C]");
        }

        var (k, c) = (wKey.Shape[0], wKey.Shape[1]);
        var packed = NewTensor(Shape.Of(c, 2 * k), requiresGrad: false);
        AttentionKernels.PackKeyValuesTransposed(wKey.Data, wValue.Data, k, c, packed.Data);
        return packed;
    }

    private static int Offset(ReadOnlySpan<int> slices, int module)
    {
        var offset = 0;
        for (var j = 0; j < module; j++)
        {
            offset += slices[j];
        }

        return offset;
    }

    private sealed class AttentionReadNode : TapeNode
    {
        public Tape Tape = null!;
        public Tensor Center = null!;
        public ReadOnlyMemory<int> Slices;
        public int ModuleIndex;
        public Tensor WQuery = null!;
        public Tensor BQuery = null!;
        public Tensor WKey = null!;
        public Tensor WValue = null!;
        public Tensor Query = null!;
        public Tensor KeyValues = null!;
        public Tensor Weights = null!;
        public Tensor Y = null!;

        public override void Backward()
        {
            var slices = Slices.Span;
            var (rows, c) = (Center.Shape.Rows, Center.Shape.Cols);
            var (modules, k) = (slices.Length, BQuery.Length);
            var kvStride = modules * 2 * k;
            var dQuery = Tape.NewTensor(Query.Shape, requiresGrad: false);
            var dKeyValues = Tape.NewTensor(KeyValues.Shape, requiresGrad: false);
            AttentionKernels.Backward(rows, modules, k, Query.Data, KeyValues.Data, Weights.Data, Y.Grad, dQuery.Data, dKeyValues.Data);

            var queryOffset = Offset(slices, ModuleIndex);
            var queryWidth = slices[ModuleIndex];
            if (WQuery.RequiresGrad)
            {
                Gemm.Run(k, queryWidth, rows, dQuery.Data, 1, k, Center.Data[queryOffset..], c, WQuery.Grad, queryWidth, accumulate: true);
            }

            if (BQuery.RequiresGrad)
            {
                VectorMath.AddColumnSums(dQuery.Data, rows, k, BQuery.Grad);
            }

            if (Center.RequiresGrad)
            {
                Gemm.Run(rows, queryWidth, k, dQuery.Data, k, 1, WQuery.Data, queryWidth, Center.Grad[queryOffset..], c, accumulate: true);
            }

            for (int j = 0, offset = 0; j < modules; offset += slices[j], j++)
            {
                var width = slices[j];
                var dKeys = dKeyValues.Data[(j * 2 * k)..];
                var dValues = dKeyValues.Data[((j * 2 * k) + k)..];
                if (WKey.RequiresGrad)
                {
                    Gemm.Run(k, width, rows, dKeys, 1, kvStride, Center.Data[offset..], c, WKey.Grad[offset..], c, accumulate: true);
                }

                if (WValue.RequiresGrad)
                {
                    Gemm.Run(k, width, rows, dValues, 1, kvStride, Center.Data[offset..], c, WValue.Grad[offset..], c, accumulate: true);
                }

                if (Center.RequiresGrad)
                {
                    Gemm.Run(rows, width, k, dKeys, kvStride, 1, WKey.Data[offset..], c, Center.Grad[offset..], c, accumulate: true);
                    Gemm.Run(rows, width, k, dValues, kvStride, 1, WValue.Data[offset..], c, Center.Grad[offset..], c, accumulate: true);
                }
            }
        }
    }
}
