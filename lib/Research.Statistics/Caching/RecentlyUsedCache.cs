namespace Research.Statistics.Caching;

/// <summary>
/// Values that are costly to create (factored designs) kept for reuse, most recently used first, bounded both in number
/// and in a total size the caller defines (persons, design cells), so a national-size run does not hold everything it
/// ever built.
/// </summary>
/// <remarks>
/// Thread-safe: a value is created once even when several threads ask for its key at once (the others wait for it), so
/// the values should be immutable. A value whose creation throws is not kept: asking again retries (and fails the same
/// way, for a deterministic factory).
/// </remarks>
/// <typeparam name="TKey">Compared with <see cref="IEquatable{T}.Equals(T)"/>.</typeparam>
/// <typeparam name="TValue">The cached values.</typeparam>
public sealed class RecentlyUsedCache<TKey, TValue>
    where TKey : IEquatable<TKey>
{
    private readonly object _gate = new();
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> _recent = new();
    private readonly int _capacity;
    private readonly long _budget;
    private readonly Func<TKey, long> _size;

    /// <summary>A cache of at most <paramref name="capacity"/> values whose keys' <paramref name="size"/> sums to at most <paramref name="budget"/> (the newest value is always kept).</summary>
    public RecentlyUsedCache(int capacity, long budget, Func<TKey, long> size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentNullException.ThrowIfNull(size);
        _capacity = capacity;
        _budget = budget;
        _size = size;
    }

    /// <summary>
    /// The most recently used value already created whose key satisfies <paramref name="match"/>, without creating,
    /// waiting for or reordering anything; null when there is none.
    /// </summary>
    public TValue? Find(Func<TKey, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Value.IsValueCreated && match(node.Value.Key))
                {
                    return node.Value.Value.Value;
                }
            }
        }

        return default;
    }

    /// <summary>The value of <paramref name="key"/>, created by <paramref name="create"/> when it is not kept.</summary>
    public TValue GetOrCreate(TKey key, Func<TValue> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Lazy<TValue> value;
        lock (_gate)
        {
            var node = _recent.First;
            while (node is not null && !node.Value.Key.Equals(key))
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
            else
            {
                node = _recent.AddFirst((key, new Lazy<TValue>(create, LazyThreadSafetyMode.ExecutionAndPublication)));
                var total = _recent.Sum(entry => _size(entry.Key));
                while (_recent.Count > 1 && (_recent.Count > _capacity || total > _budget))
                {
                    total -= _size(_recent.Last!.Value.Key);
                    _recent.RemoveLast();
                }
            }

            value = node.Value.Value;
        }

        try
        {
            return value.Value;
        }
        catch
        {
            lock (_gate)
            {
                for (var node = _recent.First; node is not null; node = node.Next)
                {
                    if (ReferenceEquals(node.Value.Value, value))
                    {
                        _recent.Remove(node);
                        break;
                    }
                }
            }

            throw;
        }
    }
}
