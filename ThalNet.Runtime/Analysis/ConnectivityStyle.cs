namespace ThalNet.Runtime.Analysis;

/// <summary>The look of connectivity graphs, shared by the SVG, Graphviz and Mermaid exports.</summary>
internal static class ConnectivityStyle
{
    public const string ReadingEdge = "#37474f";
    public const string TaskEdge = "#9e9e9e";

    public static (string Fill, string Stroke) Colours(ConnectivityNodeKind kind) => kind switch
    {
        ConnectivityNodeKind.InputModule => ("#c8e6c9", "#2e7d32"),
        ConnectivityNodeKind.OutputModule => ("#ffe0b2", "#ef6c00"),
        ConnectivityNodeKind.SideModule => ("#e3e7ea", "#546e7a"),
        _ => ("#ffffff", "#9e9e9e"),
    };

    /// <summary>Line width in pixels: 1 for the weakest edge up to 7 for a reader that reads one source only.</summary>
    public static double EdgeWidth(ConnectivityEdge edge) =>
        edge.Kind == ConnectivityEdgeKind.Reading ? 1 + (6 * Math.Clamp(edge.Strength, 0, 1)) : 1.5;

    /// <summary>Lower-case, hyphenated names for kinds, as used in JSON and class names.</summary>
    public static string Name(ConnectivityNodeKind kind) => kind switch
    {
        ConnectivityNodeKind.InputModule => "input",
        ConnectivityNodeKind.SideModule => "side",
        ConnectivityNodeKind.OutputModule => "output",
        ConnectivityNodeKind.TaskInput => "task-input",
        _ => "task-output",
    };

    public static string Name(ConnectivityEdgeKind kind) => kind switch
    {
        ConnectivityEdgeKind.Reading => "reading",
        ConnectivityEdgeKind.TaskInput => "task-input",
        _ => "task-output",
    };
}
