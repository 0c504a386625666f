using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>
/// One site's effect of one intervention type on one outcome at one horizon: the single arm of that type, or, when a
/// site ran several arms of the type (Deventer's two exemption arms, Nijmegen's and Tilburg's two combination arms),
/// their generalised-least-squares combination. Arms of one site share the control arm, so their estimates are
/// positively correlated: treating them as two independent studies would double-count the control group.
/// </summary>
/// <param name="Site">Municipality key.</param>
/// <param name="Type">Intervention type.</param>
/// <param name="Outcome">Outcome key.</param>
/// <param name="HorizonMonths">Months after randomisation.</param>
/// <param name="Estimate">The (combined) estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Arms">The arms combined, in input order.</param>
/// <param name="Weights">The weight of each arm in <see cref="Estimate"/> (summing to 1).</param>
public sealed record SiteTypeEffect(string Site, string Type, string Outcome, int HorizonMonths, double Estimate, double StandardError,
    IReadOnlyList<SiteEstimate> Arms, IReadOnlyList<double> Weights)
{
    /// <summary>
    /// The site's 95% interval: the municipal table's own interval for a single arm (so a forest plot shows exactly what
    /// the municipal report printed, with its small-df reference), a normal interval for arms combined here.
    /// </summary>
    public Interval ConfidenceInterval => Arms is [{ CiLow: { } low, CiHigh: { } high }]
        ? new Interval(low, high)
        : new Interval(Estimate - (Z * StandardError), Estimate + (Z * StandardError));

    /// <summary>
    /// The degrees of freedom behind the site's standard error: the recorded df of a single arm, the smallest of the
    /// arms combined (conservative); null when not recorded (then the variance is taken as known).
    /// </summary>
    public double? DegreesOfFreedom => Arms.Any(a => a.DegreesOfFreedom is null) ? null : Arms.Min(a => a.DegreesOfFreedom!.Value);

    /// <summary>
    /// The standard error the pooling uses: <see cref="StandardError"/> inflated for its small degrees of freedom by
    /// t(df)/z at 95% (<see cref="SmallSampleInflation"/>), so that a normal interval from it is the t interval the
    /// municipal report printed and a site whose variance rests on 4 df does not enter as if its variance were known.
    /// </summary>
    public double PoolingStandardError => StandardError * Math.Sqrt(InflationFactor);

    /// <summary>The variance inflation factor (t(df)/z)² at 95%; 1 when the df are unknown.</summary>
    public double InflationFactor => DegreesOfFreedom is { } df && df > 0 ? SmallSampleInflation.Factor(df, VarianceInflation.StudentTQuantile) : 1;

    /// <summary>A study label for tables and forest plots: the site, with the arm's Dutch name, or the arms combined.</summary>
    public string Label => $"{Site} ({string.Join(" + ", Arms.Select(a => a.ArmNameNl))})";

    /// <summary>
    /// Combines arms of one site, type, outcome and horizon by generalised least squares. Two arms' ITT estimates
    /// against a common control are taken to have the correlation of two differences in means with equal outcome
    /// variances, ρ = 1/√((1 + n_c/n_i)(1 + n_c/n_j)) (as in Dunnett's test), applied to the recorded standard errors so
    /// that clustering and covariate adjustment keep their scale. When an arm or control size was withheld the arms are
    /// treated as independent, which understates the standard error.
    /// </summary>
    /// <exception cref="ArgumentException">No arms, arms of different sites/types/outcomes/horizons, or a withheld estimate.</exception>
    public static SiteTypeEffect Combine(IReadOnlyList<SiteEstimate> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
        {
            throw new ArgumentException("at least one arm is needed", nameof(arms));
        }

        var first = arms[0];
        var odd = arms.FirstOrDefault(a => a.Site != first.Site || a.Type != first.Type || a.Outcome != first.Outcome || a.HorizonMonths != first.HorizonMonths);
        if (odd is not null)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"arms to combine must share site, type, outcome and horizon; {odd.Site}/{odd.Arm} ({odd.Type}, {odd.Outcome}, {odd.HorizonMonths}) differs from {first.Site}/{first.Arm} ({first.Type}, {first.Outcome}, {first.HorizonMonths})"), nameof(arms));
        }

        if (arms.FirstOrDefault(a => a.IsWithheld) is { } withheld)
        {
            throw new ArgumentException($"{withheld.Site}/{withheld.Arm} {withheld.Outcome} at {withheld.HorizonMonths}: the estimate or its standard error was withheld", nameof(arms));
        }

        if (arms.Count == 1)
        {
            return new SiteTypeEffect(first.Site, first.Type, first.Outcome, first.HorizonMonths, first.Estimate!.Value, first.StandardError!.Value, arms, [1.0]);
        }

        var covariance = Matrix<double>.Build.Dense(arms.Count, arms.Count,
            (i, j) => arms[i].StandardError!.Value * arms[j].StandardError!.Value * (i == j ? 1 : SharedControlCorrelation(arms[i], arms[j])));
        var ones = Vector<double>.Build.Dense(arms.Count, 1.0);
        var precision = covariance.Cholesky().Solve(ones);
        var total = precision.Sum();
        var weights = (precision / total).ToArray();
        var estimate = arms.Select((a, i) => weights[i] * a.Estimate!.Value).Sum();
        return new SiteTypeEffect(first.Site, first.Type, first.Outcome, first.HorizonMonths, estimate, Math.Sqrt(1 / total), arms, weights);
    }

    /// <summary>Applies the combination weights to per-arm values (e.g. the planted effects of the arms).</summary>
    public double Weighted(Func<SiteEstimate, double> value) => Arms.Select((a, i) => Weights[i] * value(a)).Sum();

    /// <summary>The correlation of two arms' estimates through their shared control arm; 0 when a size is unknown.</summary>
    public static double SharedControlCorrelation(SiteEstimate a, SiteEstimate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) is ({ NArm: { } ni, NControl: { } nc }, { NArm: { } nj }) && ni > 0 && nj > 0 && nc > 0
            ? 1 / Math.Sqrt((1 + (nc / ni)) * (1 + (nc / nj)))
            : 0;
    }

    private static double Z { get; } = Normal.InvCDF(0, 1, 0.975);
}
