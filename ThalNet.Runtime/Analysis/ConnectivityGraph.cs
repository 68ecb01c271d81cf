using ThalNet.Runtime.Models;
namespace ThalNet.Runtime.Analysis;

/// <summary>What a node of the connectivity graph stands for.</summary>
public enum ConnectivityNodeKind
{
    /// <summary>A module that receives task inputs.</summary>
    InputModule,
    /// <summary>A module that only reads the center.</summary>
    SideModule,
    /// <summary>A module that produces task outputs.</summary>
    OutputModule,
    /// <summary>One of the task's inputs.</summary>
    TaskInput,
    /// <summary>One of the task's outputs.</summary>
    TaskOutput,
}

/// <summary>What an edge of the connectivity graph stands for.</summary>
public enum ConnectivityEdgeKind
{
    /// <summary>A module reads from another module's slice of the center.</summary>
    Reading,

    /// <summary>A task input feeds an input module.</summary>
    TaskInput,

    /// <summary>An output module produces a task output.</summary>
    TaskOutput,
}

/// <summary>A node of the connectivity graph: a module, a task input or a task output.</summary>
/// <param name="Id">Unique in the graph: the module name for modules, <c>input:NAME</c> and <c>output:NAME</c> for task inputs and outputs.</param>
/// <param name="Label">The text drawn on the node (the module, input or output name).</param>
/// <param name="Kind">What the node stands for.</param>
public sealed record ConnectivityNode(string Id, string Label, ConnectivityNodeKind Kind);

/// <summary>A directed edge of the connectivity graph: information flows from <c>From</c> to <c>To</c>.</summary>
/// <param name="From">The <see cref="ConnectivityNode.Id"/> the information comes from (for reading edges: the module
/// whose slice is read).</param>
/// <param name="To">The <see cref="ConnectivityNode.Id"/> it goes to (for reading edges: the reading module).</param>
/// <param name="Kind">A reading, a task input or a task output.</param>
/// <param name="Strength">The reading strength for <see cref="ConnectivityEdgeKind.Reading"/> edges; 1 for task edges.</param>
public sealed record ConnectivityEdge(string From, string To, ConnectivityEdgeKind Kind, double Strength);

/// <summary>
/// The module graph read off a <see cref="ConnectivityMatrix"/>: an edge j -> i wherever reader i's
/// strength on source j is at least the threshold, plus the task's inputs feeding the input modules
/// and the output modules feeding the task's outputs.
/// </summary>
public sealed class ConnectivityGraph
{
    private ConnectivityGraph(ConnectivityMatrix matrix, double threshold, IReadOnlyList<ConnectivityNode> nodes, IReadOnlyList<ConnectivityEdge> edges)
    {
        Matrix = matrix;
        Threshold = threshold;
        Nodes = nodes;
        Edges = edges;
    }

    /// <summary>The graph of a connectivity matrix: reading edges at or above the threshold, plus the task's input and
    /// output edges.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="matrix"/> is null.</exception>
    /// <param name="matrix">The strengths between modules, with the center layout.</param>
    /// <param name="threshold">Minimum strength of an edge; <see cref="ConnectivityMatrix.DefaultThreshold"/> when null.</param>
    /// <param name="includeSelfLoops">Whether a module reading its own features makes an edge to itself.</param>
    public static ConnectivityGraph FromMatrix(ConnectivityMatrix matrix, double? threshold = null, bool includeSelfLoops = true)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var cut = threshold ?? ConnectivityMatrix.DefaultThreshold(matrix.ModuleCount);
        if (double.IsNaN(cut))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold must be a number.");
        }

        var modules = matrix.Layout.Modules;
        var nodes = new List<ConnectivityNode>();
        var inputEdges = new List<ConnectivityEdge>();
        var readingEdges = new List<ConnectivityEdge>();
        var outputEdges = new List<ConnectivityEdge>();

        void AddTaskNode(string id, string label, ConnectivityNodeKind kind)
        {
            if (!nodes.Any(n => n.Id == id))
            {
                nodes.Add(new ConnectivityNode(id, label, kind));
            }
        }

        foreach (var module in modules)
        {
            nodes.Add(new ConnectivityNode(module.Name, module.Name, KindOf(module.Role)));
        }

        foreach (var module in modules)
        {
            if (module.Role == ModuleRole.Input)
            {
                foreach (var input in Named(module.TaskInputs, "task input"))
                {
                    AddTaskNode("input:" + input, input, ConnectivityNodeKind.TaskInput);
                    inputEdges.Add(new ConnectivityEdge("input:" + input, module.Name, ConnectivityEdgeKind.TaskInput, 1));
                }
            }

            if (module.Role == ModuleRole.Output)
            {
                foreach (var output in Named(module.TaskOutputs, "task output"))
                {
                    AddTaskNode("output:" + output, output, ConnectivityNodeKind.TaskOutput);
                    outputEdges.Add(new ConnectivityEdge(module.Name, "output:" + output, ConnectivityEdgeKind.TaskOutput, 1));
                }
            }
        }

        for (var reader = 0; reader < modules.Count; reader++)
        {
            for (var source = 0; source < modules.Count; source++)
            {
                var strength = matrix[reader, source];
                if (strength >= cut && (includeSelfLoops || reader != source))
                {
                    readingEdges.Add(new ConnectivityEdge(modules[source].Name, modules[reader].Name, ConnectivityEdgeKind.Reading, strength));
                }
            }
        }

        return new ConnectivityGraph(matrix, cut, nodes, [.. inputEdges, .. readingEdges, .. outputEdges]);
    }

    /// <summary>The strengths the graph was read from.</summary>
    public ConnectivityMatrix Matrix { get; }

    /// <summary>The minimum strength of a reading edge that was used.</summary>
    public double Threshold { get; }

    /// <summary>Modules in layout order, then task inputs and outputs in order of first use.</summary>
    public IReadOnlyList<ConnectivityNode> Nodes { get; }

    /// <summary>Task-input edges, then reading edges (by reader, then source, in layout order), then task-output edges.</summary>
    public IReadOnlyList<ConnectivityEdge> Edges { get; }

    /// <summary>
    /// The edges that end at the node with id <paramref name="nodeId"/>, in <see cref="Edges"/> order.
    /// </summary>
    public IEnumerable<ConnectivityEdge> EdgesInto(string nodeId) => Edges.Where(e => e.To == nodeId);

    /// <summary>Whether a node of this kind is a module (rather than a task input or output).</summary>
    public static bool IsModule(ConnectivityNodeKind kind) => kind is not (ConnectivityNodeKind.TaskInput or ConnectivityNodeKind.TaskOutput);

    private static ConnectivityNodeKind KindOf(ModuleRole role) => role switch
    {
        ModuleRole.Input => ConnectivityNodeKind.InputModule,
        ModuleRole.Output => ConnectivityNodeKind.OutputModule,
        _ => ConnectivityNodeKind.SideModule,
    };

    private static IEnumerable<string> Named(IReadOnlyList<string>? names, string fallback) =>
        names is { Count: > 0 } ? names : [fallback];
}
