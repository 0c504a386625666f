using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>
/// The variance estimator of a fit and, for the cluster-robust kinds, the cluster id of every input row.
/// Create with <see cref="Classical"/>, <see cref="HC1"/>, <see cref="CR2(IReadOnlyList{string})"/>, ...
/// </summary>
public sealed class VarianceEstimator
{
    private VarianceEstimator(VarianceType type, int[]? clusterCodes)
    {
        Type = type;
        ClusterCodes = clusterCodes;
    }

    /// <summary>The kind of estimator.</summary>
    public VarianceType Type { get; }

    /// <summary>True for CR0, CR1 and CR2.</summary>
    public bool IsClustered => ClusterCodes is not null;

    /// <summary>Model-based variance.</summary>
    public static VarianceEstimator Classical { get; } = new(VarianceType.Classical, null);

    /// <summary>HC0 sandwich.</summary>
    public static VarianceEstimator HC0 { get; } = new(VarianceType.HC0, null);

    /// <summary>HC1 sandwich (n/(n − k) correction).</summary>
    public static VarianceEstimator HC1 { get; } = new(VarianceType.HC1, null);

    /// <summary>HC2 sandwich (leverage-corrected).</summary>
    public static VarianceEstimator HC2 { get; } = new(VarianceType.HC2, null);

    /// <summary>HC3 sandwich (jackknife-like).</summary>
    public static VarianceEstimator HC3 { get; } = new(VarianceType.HC3, null);

    /// <summary>Cluster code per input row (−1 marks a missing id), or null when not clustered.</summary>
    internal int[]? ClusterCodes { get; }

    /// <summary>CR0 with string cluster ids.</summary>
    public static VarianceEstimator CR0(IReadOnlyList<string?> clusters) => Clustered(VarianceType.CR0, clusters);

    /// <summary>CR0 with integer cluster ids.</summary>
    public static VarianceEstimator CR0(IReadOnlyList<int> clusters) => Clustered(VarianceType.CR0, clusters);

    /// <summary>CR1 (Stata small-sample factor) with string cluster ids.</summary>
    public static VarianceEstimator CR1(IReadOnlyList<string?> clusters) => Clustered(VarianceType.CR1, clusters);

    /// <summary>CR1 (Stata small-sample factor) with integer cluster ids.</summary>
    public static VarianceEstimator CR1(IReadOnlyList<int> clusters) => Clustered(VarianceType.CR1, clusters);

    /// <summary>CR2 (Bell–McCaffrey) with string cluster ids.</summary>
    public static VarianceEstimator CR2(IReadOnlyList<string?> clusters) => Clustered(VarianceType.CR2, clusters);

    /// <summary>CR2 (Bell–McCaffrey) with integer cluster ids.</summary>
    public static VarianceEstimator CR2(IReadOnlyList<int> clusters) => Clustered(VarianceType.CR2, clusters);

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        VarianceType.Classical => "classical",
        VarianceType.CR1 => "CR1 (Stata small-sample factor)",
        VarianceType.CR2 => "CR2 (Bell-McCaffrey, Satterthwaite df)",
        _ => Type.ToString(),
    };

    /// <summary>The same estimator restricted to the given input rows (cluster ids follow the rows).</summary>
    internal VarianceEstimator Subset(IReadOnlyList<int> rows) =>
        ClusterCodes is null ? this : new VarianceEstimator(Type, rows.Select(i => ClusterCodes[i]).ToArray());

    private static VarianceEstimator Clustered<T>(VarianceType type, IReadOnlyList<T?> clusters)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return new VarianceEstimator(type, LevelCodes<T>.Of(clusters).Codes);
    }
}
