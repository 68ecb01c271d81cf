namespace ThalNet.Runtime;

/// <summary>
/// Records operations for reverse-mode differentiation and owns the memory of every tensor they produce.
/// Tensors made by a tape are valid until its next <see cref="Reset"/>; the same sequence of operations after a
/// reset reuses the same buffers and nodes, so a training step allocates nothing in steady state.
/// </summary>
public sealed partial class Tape
{
    private static long s_generations;

    private readonly List<Tensor> _owned = [];
    private readonly List<bool> _ownedIsLeaf = [];
    private readonly List<Tensor> _views = [];
    private TapeNode?[] _nodes = new TapeNode?[256];
    private int _ownedCursor;
    private int _viewCursor;
    private int _nodeCount;
    private int _noGradDepth;
    private bool _backwardRan;

    /// <summary>An empty tape with its own <see cref="Generation"/>.</summary>
    public Tape()
    {
        Generation = Interlocked.Increment(ref s_generations);
    }

    /// <summary>Unique among all tapes and all resets: layers use it to cache per-graph work such as transposed weights.</summary>
    public long Generation { get; private set; }

    /// <summary>False inside a <see cref="NoGrad"/> scope.</summary>
    public bool IsRecording => _noGradDepth == 0;

    /// <summary>
    /// The modules this tape's worker runs in a module-parallel pass; null (the default) runs every module. Generated
    /// step code skips the modules, reads and outputs of other workers, and <see cref="JoinCenter"/> meets them.
    /// </summary>
    internal ModuleGroup? Group { get; set; }

    /// <summary>The number of operations recorded since the last reset.</summary>
    internal int NodeCount => _nodeCount;

    /// <summary>Forgets the recorded graph; every tensor this tape made becomes free for reuse.</summary>
    public void Reset()
    {
        _ownedCursor = 0;
        _viewCursor = 0;
        _nodeCount = 0;
        _backwardRan = false;
        Group?.StartPass();
        DiscardDeferredWeightGradients();
        Generation = Interlocked.Increment(ref s_generations);
    }

    /// <summary>Operations inside the scope record nothing and produce tensors without gradients.</summary>
    public NoGradScope NoGrad()
    {
        _noGradDepth++;
        return new NoGradScope(this);
    }

    internal void EndNoGrad() => _noGradDepth--;

    /// <summary>
    /// Seeds d(loss)/d(loss) = 1 and runs every recorded node backwards. Gradients of leaves (parameters, tensors
    /// made outside the tape, <see cref="Zeros"/> with gradients) accumulate over calls; a later call on the same
    /// graph first clears the gradients of the tensors that operations produced, so each call adds exactly the
    /// gradient of its own loss.
    /// </summary>
    public void Backward(Tensor loss)
    {
        if (loss.Length != 1)
        {
            throw new ShapeMismatchException("Backward", loss.Shape, "the loss must have exactly one element");
        }

        // A worker of a module-parallel pass whose modules have no output has a constant zero loss: its gradients
        // all arrive through the center, but it still runs its nodes (and meets the other workers at every join).
        if (!loss.RequiresGrad && Group is null)
        {
            throw new InvalidOperationException("Backward: the loss does not depend on any tensor that requires gradients.");
        }

        if (_backwardRan)
        {
            ClearIntermediateGradients();
        }

        _backwardRan = true;
        if (loss.RequiresGrad)
        {
            loss.Grad[0] += 1f;
        }

        for (var i = _nodeCount - 1; i >= 0; i--)
        {
            _nodes[i]!.Backward();
        }

        FlushWeightGradients();
    }

    /// <summary>A zeroed tensor owned by this tape.</summary>
    public Tensor Zeros(Shape shape, bool requiresGrad = false)
    {
        var t = NewTensor(shape, requiresGrad);
        t.Data.Clear();
        _ownedIsLeaf[_ownedCursor - 1] = true;
        return t;
    }

    /// <summary>A copy of <paramref name="values"/> owned by this tape, without gradients.</summary>
    public Tensor Constant(ReadOnlySpan<float> values, Shape shape)
    {
        if (values.Length != shape.Size)
        {
            throw new ShapeMismatchException("Constant", shape, $"{values.Length} values were given");
        }

        var t = NewTensor(shape, requiresGrad: false);
        values.CopyTo(t.Data);
        return t;
    }

    /// <summary>A view of <paramref name="source"/> that stops gradients.</summary>
    public Tensor Detach(Tensor source) => NewView(source, 0, source.Shape, keepGrad: false);

    /// <summary>A view with another shape; gradients flow through it.</summary>
    public Tensor Reshape(Tensor source, Shape shape)
    {
        if (shape.Size != source.Length)
        {
            throw new ShapeMismatchException("Reshape", source.Shape, shape, "element counts differ");
        }

        return NewView(source, 0, shape, keepGrad: IsRecording);
    }

    /// <summary>A view of entries [start, start+count) along the first axis; gradients flow through it.</summary>
    public Tensor Narrow(Tensor source, int start, int count)
    {
        var shape = source.Shape;
        if (shape.Rank == 0 || start < 0 || count < 0 || start + count > shape[0])
        {
            throw new ShapeMismatchException("Narrow", shape, $"rows {start}..{start + count} are outside the first axis");
        }

        var rowSize = shape[0] == 0 ? 0 : shape.Size / shape[0];
        return NewView(source, start * rowSize, shape.WithDim(0, count), keepGrad: IsRecording);
    }

    /// <summary>Entry <paramref name="index"/> of the first axis with that axis removed (a time step of [T, B, F]).</summary>
    public Tensor Select(Tensor source, int index)
    {
        var view = Narrow(source, index, 1);
        view.ResetAsView(view, 0, source.Shape.WithoutDim(0), keepGrad: view.RequiresGrad);
        return view;
    }

    internal bool NeedsGrad(Tensor a) => IsRecording && a.RequiresGrad;

    internal bool NeedsGrad(Tensor a, Tensor b) => IsRecording && (a.RequiresGrad || b.RequiresGrad);

    internal bool NeedsGrad(Tensor a, Tensor b, Tensor c) => IsRecording && (a.RequiresGrad || b.RequiresGrad || c.RequiresGrad);

    internal Tensor NewTensor(Shape shape, bool requiresGrad)
    {
        Tensor t;
        if (_ownedCursor < _owned.Count)
        {
            t = _owned[_ownedCursor];
        }
        else
        {
            t = new Tensor(shape);
            _owned.Add(t);
            _ownedIsLeaf.Add(false);
        }

        _ownedIsLeaf[_ownedCursor] = false;
        _ownedCursor++;
        t.ResetForArena(shape, requiresGrad);
        return t;
    }

    internal Tensor NewView(Tensor source, int elementOffset, Shape shape, bool keepGrad)
    {
        Tensor t;
        if (_viewCursor < _views.Count)
        {
            t = _views[_viewCursor];
        }
        else
        {
            t = new Tensor(Shape.Scalar);
            _views.Add(t);
        }

        _viewCursor++;
        t.ResetAsView(source, elementOffset, shape, keepGrad && source.RequiresGrad);
        return t;
    }

    /// <summary>Zeroes the gradients that a previous backward pass left in operation outputs (views share them).</summary>
    private void ClearIntermediateGradients()
    {
        for (var i = 0; i < _ownedCursor; i++)
        {
            var t = _owned[i];
            if (!_ownedIsLeaf[i] && t.RequiresGrad)
            {
                t.Grad.Clear();
            }
        }
    }

    internal T Record<T>()
        where T : TapeNode, new()
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        if (_nodes[_nodeCount] is not T node)
        {
            node = new T();
            _nodes[_nodeCount] = node;
        }

        _nodeCount++;
        return node;
    }
}
