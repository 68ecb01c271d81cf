using ThalNet.Runtime.Models;
namespace ThalNet.Runtime.Analysis;

/// <summary>
/// Which slice of the center belongs to which module. The slices tile the center exactly
/// (no gaps, no overlaps); the module order given here is the order used in every figure and matrix.
/// </summary>
public sealed class CenterLayout
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>A layout of the given module slices, in the given order.</summary>
    /// <param name="modules">The slices; together they must tile [0, size) with no gap or overlap, and names must be
    /// unique.</param>
    /// <exception cref="ArgumentException">When there is no module, or the slices leave a gap, overlap or repeat a
    /// name.</exception>
    public CenterLayout(IEnumerable<CenterModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = modules.ToArray();
        if (Modules.Count == 0)
        {
            throw new ArgumentException("A center layout needs at least one module.", nameof(modules));
        }

        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Modules.Count; i++)
        {
            var module = Modules[i];
            if (string.IsNullOrEmpty(module.Name) || !_indexByName.TryAdd(module.Name, i))
            {
                throw new ArgumentException($"Module names must be non-empty and unique; '{module.Name}' is not.", nameof(modules));
            }

            if (module.Size <= 0 || module.Offset < 0)
            {
                throw new ArgumentException($"Module '{module.Name}' has offset {module.Offset} and size {module.Size}; the size must be positive and the offset non-negative.", nameof(modules));
            }
        }

        var end = 0;
        foreach (var module in Modules.OrderBy(m => m.Offset))
        {
            if (module.Offset != end)
            {
                throw new ArgumentException($"Module '{module.Name}' starts at center element {module.Offset}, but the slices before it end at {end}; slices must tile the center without gaps or overlaps.", nameof(modules));
            }

            end = module.End;
        }

        Size = end;
    }

    /// <summary>Lays the modules out one after another, in the given order, starting at element 0.</summary>
    public static CenterLayout Sequential(IEnumerable<(string Name, ModuleRole Role, int Size)> modules)
    {
        var offset = 0;
        var placed = new List<CenterModule>();
        foreach (var (name, role, size) in modules)
        {
            placed.Add(new CenterModule(name, role, offset, size));
            offset += size;
        }

        return new CenterLayout(placed);
    }

    /// <summary>The module slices in the layout's order, the order of every figure and matrix.</summary>
    public IReadOnlyList<CenterModule> Modules { get; }

    /// <summary>The number of center elements.</summary>
    public int Size { get; }

    /// <summary>The slice of the module named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the layout has no such module.</exception>
    public CenterModule this[string name] => Modules[IndexOf(name)];

    /// <summary>The position of the module named <paramref name="name"/> in <see cref="Modules"/>.</summary>
    /// <exception cref="KeyNotFoundException">When the layout has no such module; the message lists the
    /// modules.</exception>
    public int IndexOf(string name) =>
        _indexByName.TryGetValue(name, out var index)
            ? index
            : throw new KeyNotFoundException($"The center layout has no module named '{name}' (modules: {string.Join(", ", Modules.Select(m => m.Name))}).");
}
