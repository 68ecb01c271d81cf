namespace ThalNet.Runtime.Analysis;

/// <summary>What a module does in the task: receives task input, only talks to modules, or produces task output.</summary>
public enum ModuleRole
{
    Input,
    Side,
    Output,
}
