using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Bootstrap;

/// <summary>
/// A restricted wild cluster bootstrap test of one coefficient, with its confidence interval by test inversion. The
/// p-value function itself is available through <see cref="PValue"/>, for any null value.
/// </summary>
public sealed class WildBootstrapResult
{
    private readonly BootstrapDistribution _distribution;

    internal WildBootstrapResult(
        string coefficient, BootstrapDistribution distribution, WildBootstrapOptions options, bool enumerated, int observations, int dropped, int clusters,
        Interval interval, IReadOnlyList<string> notes)
    {
        _distribution = distribution;
        Coefficient = coefficient;
        Options = options;
        Enumerated = enumerated;
        ObservationCount = observations;
        DroppedRowCount = dropped;
        ClusterCount = clusters;
        ConfidenceInterval = interval;
        Notes = notes;
        Statistic = distribution.Statistic(options.NullValue);
        SymmetricPValue = distribution.PValue(options.NullValue, BootstrapPValue.Symmetric);
        EqualTailedPValue = distribution.PValue(options.NullValue, BootstrapPValue.EqualTailed);
    }

    /// <summary>The coefficient tested.</summary>
    public string Coefficient { get; }

    /// <summary>The settings used (seed, draws, weights, interval type, level, null value).</summary>
    public WildBootstrapOptions Options { get; }

    /// <summary>The OLS estimate β̂_j.</summary>
    public double Estimate => _distribution.Estimate;

    /// <summary>Its CR1 standard error (G/(G − 1)·(n − 1)/(n − k) small-sample factor, as Stata and boottest).</summary>
    public double StandardError => _distribution.StandardError;

    /// <summary>The observed t = (β̂_j − NullValue)/SE.</summary>
    public double Statistic { get; }

    /// <summary>Symmetric p-value of β_j = <see cref="WildBootstrapOptions.NullValue"/>: share of draws with |t*| ≥ |t|.</summary>
    public double SymmetricPValue { get; }

    /// <summary>Equal-tailed p-value of β_j = <see cref="WildBootstrapOptions.NullValue"/>.</summary>
    public double EqualTailedPValue { get; }

    /// <summary>The p-value chosen by <see cref="WildBootstrapOptions.IntervalPValue"/>.</summary>
    public double PValueAtNull => Options.IntervalPValue == BootstrapPValue.Symmetric ? SymmetricPValue : EqualTailedPValue;

    /// <summary>{r : p(r) &gt; 1 − level}, the null values not rejected, by inversion of the chosen p-value.</summary>
    public Interval ConfidenceInterval { get; }

    /// <summary>Number of draws B (2^G or 6^G when <see cref="Enumerated"/>).</summary>
    public int DrawCount => _distribution.Count;

    /// <summary>True when every distinct weight vector was used once: the result does not depend on the seed.</summary>
    public bool Enumerated { get; }

    /// <summary>Rows used.</summary>
    public int ObservationCount { get; }

    /// <summary>Rows dropped for missing values.</summary>
    public int DroppedRowCount { get; }

    /// <summary>Number of clusters G.</summary>
    public int ClusterCount { get; }

    /// <summary>Remarks: enumeration, coarse Rademacher p-values with few clusters, unbounded or non-interval confidence sets.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The bootstrap p-value of H₀: β_j = <paramref name="nullValue"/> (each null has its own restricted bootstrap).</summary>
    public double PValue(double nullValue, BootstrapPValue type = BootstrapPValue.Symmetric)
    {
        if (!double.IsFinite(nullValue))
        {
            throw new ArgumentOutOfRangeException(nameof(nullValue), nullValue, "The null value must be finite.");
        }

        return _distribution.PValue(nullValue, type);
    }

    /// <summary>The bootstrap statistics t*_b under H₀: β_j = <paramref name="nullValue"/>, in draw order.</summary>
    public IReadOnlyList<double> Distribution(double nullValue) =>
        Enumerable.Range(0, _distribution.Count).Select(b => _distribution.Draw(b, nullValue)).ToArray();

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Wild cluster bootstrap (restricted, {Options.Weights}, {(Enumerated ? "all" : "B =")} {DrawCount} draws{(Enumerated ? string.Empty : $", seed {Options.Seed}")}) for {Coefficient}: estimate {Estimate:G5} (CR1 SE {StandardError:G4}, G = {ClusterCount}), t = {Statistic:F3}, p = {SymmetricPValue:G4} (symmetric), {EqualTailedPValue:G4} (equal-tailed); {Options.ConfidenceLevel * 100:0.##}% CI {ConfidenceInterval}")
        + string.Concat(Notes.Select(n => Environment.NewLine + "Note: " + n));
}
