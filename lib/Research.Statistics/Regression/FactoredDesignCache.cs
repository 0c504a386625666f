using System.Runtime.InteropServices;
using Research.Statistics.Caching;
using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>
/// Factored designs kept for reuse by whoever creates the cache (e.g. one report section fitting the same design
/// month after month): <see cref="Factor"/> returns what <see cref="LinearModel.Factor"/> would, reusing an earlier
/// factorisation of an equal design.
/// </summary>
/// <remarks>
/// <para>
/// Designs are matched by content, never by reference or by accident: the variance type and cluster ids, the column
/// names, terms and every value (bit for bit), the weights, the options that shape a fit (confidence level,
/// missing-value policy, undefined standard errors) and the coefficients asked for. Two equal keys therefore give the
/// same factorisation that a fresh <see cref="LinearModel.Factor"/> would; the outcome's name is passed to each fit.
/// </para>
/// <para>
/// A design asked for under another variance than one kept (the CR2 fits reported beside HC2 fits of the same model)
/// is made from the kept one with <see cref="FactoredDesign.WithVariance"/>: it shares the factorisation of X'X and the
/// last solution, so an outcome fitted under both variances is solved once, and every fit is still the one a fresh
/// factorisation gives, bit for bit. Only the variance's own preparation (hat values, CR2's cluster blocks) is new.
/// </para>
/// <para>
/// Bounded: the most recently used designs are kept, up to <see cref="Capacity"/> designs and <see cref="CellBudget"/>
/// design cells (rows × columns) in all. Thread-safe: a design is factored once even when several threads ask for it,
/// and a design that fails to factor is not kept.
/// </para>
/// </remarks>
public sealed class FactoredDesignCache
{
    /// <summary>At most this many designs are kept.</summary>
    public const int Capacity = 32;

    /// <summary>At most this many design cells (rows × columns), summed over the designs kept.</summary>
    public const long CellBudget = 1L << 24;

    private readonly RecentlyUsedCache<Key, FactoredDesign> _recent = new(Capacity, CellBudget, key => key.Cells);

    /// <summary>The factored <paramref name="design"/>: as <see cref="LinearModel.Factor"/>, or an equal design's earlier factorisation.</summary>
    /// <exception cref="ArgumentException">As <see cref="LinearModel.Factor"/>.</exception>
    /// <exception cref="DegenerateModelException">As <see cref="LinearModel.Factor"/>.</exception>
    public FactoredDesign Factor(DesignMatrix design, VarianceEstimator variance, FitOptions? options = null, IReadOnlyCollection<string>? inference = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(variance);
        options ??= FitOptions.Default;
        var key = new Key(design, variance, options, inference);

        // The same design kept for another variance (a CR2 fit beside its HC2 twin) shares its factorisation of X'X and
        // its solutions: the same fits, bit for bit (FactoredDesign.WithVariance), one solve of each outcome for both.
        return _recent.GetOrCreate(key, () => _recent.Find(key.SameDesign) is { } twin
            ? twin.WithVariance(variance, inference)
            : LinearModel.Factor(design, variance, options, inference));
    }

    /// <summary>Everything a factored design depends on, compared by value.</summary>
    private sealed class Key : IEquatable<Key>
    {
        /// <summary>At most this many values of each column (and of the clusters and weights) enter the hash.</summary>
        private const int HashedValues = 256;

        private readonly DesignMatrix _design;
        private readonly VarianceType _type;
        private readonly int[]? _clusters;
        private readonly double[]? _weights;
        private readonly (double Level, MissingValuePolicy Missing, bool Undefined) _options;
        private readonly string[]? _inference;
        private readonly int _designHash;
        private readonly int _hash;

        public Key(DesignMatrix design, VarianceEstimator variance, FitOptions options, IReadOnlyCollection<string>? inference)
        {
            _design = design;
            _type = variance.Type;
            _clusters = variance.ClusterCodes;
            _weights = options.Weights?.ToArray();
            _options = (options.ConfidenceLevel, options.MissingValues, options.AllowUndefinedStandardErrors);
            _inference = inference?.Order(StringComparer.Ordinal).ToArray();
            var hash = new HashCode();
            hash.Add(_options);
            hash.Add(design.RowCount);
            foreach (var name in design.Names)
            {
                hash.Add(name, StringComparer.Ordinal);
            }

            foreach (var column in design.Columns)
            {
                AddSample<long>(ref hash, MemoryMarshal.Cast<double, long>(column.AsSpan()));
            }

            AddSample<long>(ref hash, MemoryMarshal.Cast<double, long>(_weights.AsSpan()));
            var designOnly = hash; // a copy: ToHashCode is called once per instance
            _designHash = designOnly.ToHashCode();
            AddSample<int>(ref hash, _clusters);
            hash.Add(_type);
            _hash = hash.ToHashCode();
        }

        public long Cells => (long)_design.RowCount * _design.ColumnCount;

        /// <summary>
        /// Hashes at most <see cref="HashedValues"/> values spread evenly over <paramref name="values"/>, and its length:
        /// equality compares every value anyway, so the hash only has to separate most unequal designs. Hashing every
        /// cell cost as much as the fit it saved (a national report keys a design of millions of cells month after month).
        /// </summary>
        private static void AddSample<T>(ref HashCode hash, ReadOnlySpan<T> values)
        {
            hash.Add(values.Length);
            var step = Math.Max(1, values.Length / HashedValues);
            for (var i = 0; i < values.Length; i += step)
            {
                hash.Add(values[i]);
            }
        }

        public bool Equals(Key? other) =>
            other is not null
            && other._hash == _hash
            && other._type == _type
            && Same(other._clusters, _clusters)
            && Same(other._inference, _inference)
            && SameDesign(other);

        /// <summary>Whether <paramref name="other"/> is a key of the same design, weights and options, whatever its variance and coefficients asked for.</summary>
        public bool SameDesign(Key other) =>
            other._designHash == _designHash
            && other._options == _options
            && Same(other._weights, _weights)
            && SameDesign(other._design, _design);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static bool SameDesign(DesignMatrix a, DesignMatrix b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount || !a.Names.SequenceEqual(b.Names, StringComparer.Ordinal)
                || a.Terms.Count != b.Terms.Count
                || a.Terms.Zip(b.Terms).Any(p => p.First.Name != p.Second.Name || p.First.Kind != p.Second.Kind || !p.First.Columns.SequenceEqual(p.Second.Columns)))
            {
                return false;
            }

            for (var j = 0; j < a.ColumnCount; j++)
            {
                if (!Same(a.Columns[j], b.Columns[j]))
                {
                    return false;
                }
            }

            return true;
        }

        // Bit for bit: NaN equals NaN and 0 differs from −0, as the factorisation would see them.
        private static bool Same(double[]? a, double[]? b) =>
            ReferenceEquals(a, b) || (a is not null && b is not null
                && MemoryMarshal.Cast<double, long>(a.AsSpan()).SequenceEqual(MemoryMarshal.Cast<double, long>(b.AsSpan())));

        private static bool Same<T>(T[]? a, T[]? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));
    }
}
