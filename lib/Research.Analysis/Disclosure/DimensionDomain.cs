namespace Research.Analysis.Disclosure;

/// <summary>
/// The values one dimension can take, numbered, so that sets of them are bit masks: the subset, overlap and difference
/// tests of <see cref="PopulationLedger"/>'s closure become single instructions instead of set operations on strings.
/// </summary>
/// <remarks>Immutable. Only for domains of at most 64 distinct values; a set with a value outside the domain has no mask.</remarks>
internal sealed class DimensionDomain
{
    private readonly Dictionary<string, int> _bits = new(StringComparer.Ordinal);

    private DimensionDomain(IReadOnlyList<string> values)
    {
        Values = values;
        for (var i = 0; i < values.Count; i++)
        {
            _bits[values[i]] = i;
        }

        Whole = values.Count == 64 ? ulong.MaxValue : (1UL << values.Count) - 1;
    }

    /// <summary>The values, in the order of their bits.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The mask of every value (an unconstrained dimension).</summary>
    public ulong Whole { get; }

    /// <summary>The numbered domain, or null when it has more than 64 values or repeats one.</summary>
    public static DimensionDomain? TryCreate(IReadOnlyList<string> values) =>
        values.Count <= 64 && values.Distinct(StringComparer.Ordinal).Count() == values.Count ? new DimensionDomain(values) : null;

    /// <summary>The mask of <paramref name="set"/> (null: unconstrained, the whole domain), or null when a value lies outside the domain.</summary>
    public ulong? Mask(IReadOnlySet<string>? set)
    {
        if (set is null)
        {
            return Whole;
        }

        var mask = 0UL;
        foreach (var value in set)
        {
            if (!_bits.TryGetValue(value, out var bit))
            {
                return null;
            }

            mask |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>The values of <paramref name="mask"/>, in domain order.</summary>
    public string[] ValuesOf(ulong mask) => [.. Values.Where((_, i) => (mask & (1UL << i)) != 0)];
}
