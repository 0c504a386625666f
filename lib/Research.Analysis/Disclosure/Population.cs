using System.Text;

namespace Research.Analysis.Disclosure;

/// <summary>
/// A set of persons described by constraints "dimension ∈ values" (arm = A; responded to wave 2 = 1; arm ∈ {A, control}):
/// what a published count counts. Two counts of nested or adjacent populations let a reader derive a third (a total minus
/// its parts, a stage minus the next), so disclosure control reasons about populations, not cells.
/// </summary>
/// <remarks>Immutable; equality and hashing by the canonical text (<see cref="ToString"/>).</remarks>
public sealed class Population : IEquatable<Population>
{
    private readonly SortedDictionary<string, SortedSet<string>> _constraints;
    private readonly string _key;
    private readonly int _hash;

    private Population(SortedDictionary<string, SortedSet<string>> constraints)
    {
        _constraints = constraints;
        var key = new StringBuilder();
        foreach (var (dimension, values) in constraints)
        {
            key.Append(key.Length == 0 ? string.Empty : ";").Append(dimension).Append('=').AppendJoin(',', values);
        }

        _key = key.Length == 0 ? "*" : key.ToString();

        // Kept: disclosure control looks populations up in dictionaries many thousands of times per report.
        _hash = StringComparer.Ordinal.GetHashCode(_key);
    }

    /// <summary>Everyone (of the report's municipality).</summary>
    public static Population All { get; } = new(new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal));

    /// <summary>The dimensions constrained.</summary>
    public IEnumerable<string> Dimensions => _constraints.Keys;

    /// <summary>The values allowed for <paramref name="dimension"/>, or null when unconstrained.</summary>
    public IReadOnlySet<string>? this[string dimension] => _constraints.TryGetValue(dimension, out var values) ? values : null;

    /// <summary>This population with <paramref name="dimension"/> restricted to <paramref name="values"/>.</summary>
    public Population Where(string dimension, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        if (values.Length == 0)
        {
            throw new ArgumentException($"dimension '{dimension}' needs at least one value", nameof(values));
        }

        var copy = Copy();
        copy[dimension] = new SortedSet<string>(values, StringComparer.Ordinal);
        return new Population(copy);
    }

    /// <summary>This population without a constraint on <paramref name="dimension"/>.</summary>
    public Population Without(string dimension)
    {
        if (!_constraints.ContainsKey(dimension))
        {
            return this;
        }

        var copy = Copy();
        copy.Remove(dimension);
        return new Population(copy);
    }

    /// <summary>Whether every person of this population is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(Population other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other._constraints.All(c => _constraints.TryGetValue(c.Key, out var mine) && mine.IsSubsetOf(c.Value));
    }

    /// <inheritdoc />
    public bool Equals(Population? other) => other is not null && (ReferenceEquals(other, this) || (other._hash == _hash && other._key == _key));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Population);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>The canonical text, e.g. <c>arm=control;responded_w2=1</c>; <c>*</c> for everyone.</summary>
    public override string ToString() => _key;

    private SortedDictionary<string, SortedSet<string>> Copy() =>
        new(_constraints.ToDictionary(c => c.Key, c => new SortedSet<string>(c.Value, StringComparer.Ordinal), StringComparer.Ordinal), StringComparer.Ordinal);
}
