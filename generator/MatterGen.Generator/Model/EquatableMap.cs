using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MatterGen.Generator.Model;

/// <summary>
/// A read-only map that compares by its entries, in order, so that a plan holding lookups stays value-equal
/// between generator runs. The dictionary behind <see cref="TryGetValue"/> is derived from the entries and
/// takes no part in equality. Enumerates its entries in order, as a dictionary's reader would.
/// </summary>
internal sealed class EquatableMap<TKey, TValue> : IEquatable<EquatableMap<TKey, TValue>>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull, IEquatable<TKey>
{
    private readonly EquatableArray<(TKey Key, TValue Value)> entries;
    private readonly Dictionary<TKey, TValue> lookup;

    private EquatableMap(EquatableArray<(TKey Key, TValue Value)> entries)
    {
        this.entries = entries;
        lookup = new Dictionary<TKey, TValue>(entries.Count);
        foreach (var (key, value) in entries)
        {
            lookup.Add(key, value);
        }
    }

    /// <summary>The entries, one per key, in the order their keys first came.</summary>
    public EquatableArray<(TKey Key, TValue Value)> Entries => entries;

    /// <summary>The number of keys.</summary>
    public int Count => entries.Count;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<TKey> Keys => entries.Select(entry => entry.Key);

    /// <summary>The values, in the order of their keys.</summary>
    public IEnumerable<TValue> Values => entries.Select(entry => entry.Value);

    /// <summary>The value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public TValue this[TKey key] => lookup[key];

    /// <summary>Builds a map; of two entries with one key, the first is kept.</summary>
    public static EquatableMap<TKey, TValue> FirstWins(IEnumerable<(TKey Key, TValue Value)> items) => Build(items, lastWins: false);

    /// <summary>Builds a map; of two entries with one key, the last one's value is kept at the first one's place.</summary>
    public static EquatableMap<TKey, TValue> LastWins(IEnumerable<(TKey Key, TValue Value)> items) => Build(items, lastWins: true);

    /// <summary>True, with its value, when the map has <paramref name="key"/>.</summary>
    public bool TryGetValue(TKey key, out TValue value) => lookup.TryGetValue(key, out value!);

    /// <summary>True when the map has <paramref name="key"/>.</summary>
    public bool ContainsKey(TKey key) => lookup.ContainsKey(key);

    /// <summary>The entries, in order.</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var (key, value) in entries)
        {
            yield return new KeyValuePair<TKey, TValue>(key, value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(EquatableMap<TKey, TValue>? other) => other is not null && (ReferenceEquals(this, other) || entries.Equals(other.entries));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EquatableMap<TKey, TValue>);

    /// <inheritdoc/>
    public override int GetHashCode() => entries.GetHashCode();

    private static EquatableMap<TKey, TValue> Build(IEnumerable<(TKey Key, TValue Value)> items, bool lastWins)
    {
        var positions = new Dictionary<TKey, int>();
        var list = new List<(TKey Key, TValue Value)>();
        foreach (var item in items)
        {
            if (!positions.TryGetValue(item.Key, out var position))
            {
                positions.Add(item.Key, list.Count);
                list.Add(item);
            }
            else if (lastWins)
            {
                list[position] = item;
            }
        }

        return new EquatableMap<TKey, TValue>(list.ToEquatableArray());
    }
}
