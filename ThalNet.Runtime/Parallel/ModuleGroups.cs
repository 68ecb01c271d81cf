using ThalNet.Runtime.Models;

namespace ThalNet.Runtime.Parallel;

/// <summary>Splits a ThalNet model's modules across the workers of a module-parallel pass (<see cref="ParallelPlan.Modules"/>).</summary>
public static class ModuleGroups
{
    /// <summary>Which worker runs each module: largest first onto the least loaded worker, by parameter count.</summary>
    public static int[] Assign(ThalNetModel model, int workers)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modules = model.Info.Modules;
        var cost = new long[modules.Count];
        foreach (var (name, parameter) in model.NamedParameters())
        {
            var module = ModuleOf(modules, name);
            if (module >= 0)
            {
                cost[module] += parameter.Length;
            }
        }

        var owner = new int[modules.Count];
        var load = new long[workers];
        foreach (var module in Enumerable.Range(0, modules.Count).OrderByDescending(m => cost[m]).ThenBy(m => m))
        {
            var least = 0;
            for (var w = 1; w < workers; w++)
            {
                if (load[w] < load[least])
                {
                    least = w;
                }
            }

            owner[module] = least;
            load[least] += cost[module];
        }

        return owner;
    }

    /// <summary>One group per worker for <paramref name="model"/>, sharing one exchange.</summary>
    internal static ModuleGroup[] Create(ThalNetModel model, int workers)
    {
        var owner = Assign(model, workers);
        var info = model.Info;
        var exchange = new ModuleExchange(workers, info.Modules.Count);
        var groups = new ModuleGroup[workers];
        for (var w = 0; w < workers; w++)
        {
            var runs = owner.Select(o => o == w).ToArray();
            var runsOutput = info.Outputs.Select(o => owner[IndexOf(info.Modules, o.Module)] == w).ToArray();
            var readers = model.Readers.Where((_, m) => runs[m]);
            groups[w] = new ModuleGroup(exchange, w, runs, runsOutput, readers.Cast<object>());
        }

        return groups;
    }

    /// <summary>The module a dotted parameter or state name belongs to (<c>reader.gru.weight_ih</c>: reader), or -1.</summary>
    internal static int ModuleOf(IReadOnlyList<ModuleInfo> modules, string name)
    {
        var dot = name.IndexOf('.');
        return dot < 0 ? -1 : IndexOf(modules, name[..dot]);
    }

    private static int IndexOf(IReadOnlyList<ModuleInfo> modules, string name)
    {
        for (var i = 0; i < modules.Count; i++)
        {
            if (modules[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
