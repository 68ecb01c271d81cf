using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ThalNet.Specs;

/// <summary>
/// An immutable array with structural equality, so records holding it compare by content
/// (incremental generator pipelines cache on equality). <c>default</c> is the empty array.
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Copies <paramref name="items"/> into a new array.</summary>
    public EquatableArray(IEnumerable<T> items) => _items = items.ToArray();

    /// <summary>The empty array (the same as <c>default</c>).</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>The number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether it holds no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">When <paramref name="index"/> is outside [0, <see
    /// cref="Count"/>).</exception>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>Whether both hold equal items in the same order (<c>default</c> equals an empty array).</summary>
    public bool Equals(EquatableArray<T> other)
    {
        var left = _items ?? [];
        var right = other._items ?? [];
        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="obj"/> is an <see cref="EquatableArray{T}"/> with equal items in the same order.
    /// </summary>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <summary>A hash of the items, consistent with <see cref="Equals(EquatableArray{T})"/>.</summary>
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in _items ?? [])
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
        }

        return hash;
    }

    /// <summary>Whether both hold equal items in the same order.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Whether the items differ in count, value or order.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerates the items in order.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The items as <c>[a, b, c]</c>, for messages and debugging.</summary>
    public override string ToString() => "[" + string.Join(", ", this) + "]";
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/>.</summary>
public static class EquatableArray
{
    /// <summary>An array of the given items.</summary>
    public static EquatableArray<T> Create<T>(params T[] items)
        where T : IEquatable<T>
        => new(items);

    /// <summary>An array of the sequence's items, in order.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T>
        => new(items);
}
