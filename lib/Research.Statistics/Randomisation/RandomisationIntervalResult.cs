using System.Globalization;
using Research.Statistics.Inference;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Randomisation;

/// <summary>
/// The result of <see cref="RandomisationInterval.ArmVersusControl"/>: the estimate, the randomisation p-value as a
/// function of the null value, and the confidence interval that inverts it.
/// </summary>
public sealed class RandomisationIntervalResult
{
    private readonly RandomisationInterval.Moments _observed;
    private readonly IReadOnlyList<RandomisationInterval.Moments> _draws;
    private readonly double _margin;

    internal RandomisationIntervalResult(RandomisationInterval.Moments observed, IReadOnlyList<RandomisationInterval.Moments> draws, RandomisationMethod method, int seed, double level, double margin)
    {
        _observed = observed;
        _draws = draws;
        _margin = margin;
        Method = method;
        Seed = seed;
        ConfidenceLevel = level;
        Estimate = observed.A / observed.B;
        StandardError = Math.Sqrt(Math.Max(0, observed.Vyy - (2 * Estimate * observed.Vys) + (Estimate * Estimate * observed.Vss))) / Math.Abs(observed.B);
        var notes = new List<string>();
        ConfidenceInterval = PValueInversion.Invert(PValue, Estimate, StandardError > 0 ? StandardError : 1e-8, 1 - level, "randomisation p-value", notes);
        Notes = notes;
    }

    /// <summary>
    /// The estimate: Lin's adjusted effect of the arm for a shift of 1 in the arm (the ITT, equal to
    /// <see cref="Adjustment.LinAdjustment"/>'s coefficient), or that effect over the adjusted difference in the shift
    /// (the Wald estimate of the effect on the treated when the shift is take-up).
    /// </summary>
    public double Estimate { get; }

    /// <summary>The HC2 standard error of Lin's effect on y − Estimate·s over |b|: the studentising scale at the estimate.</summary>
    public double StandardError { get; }

    /// <summary>The observed statistic of H₀: τ = 0 (Lin's HC2 t of the arm).</summary>
    public double Statistic => _observed.Statistic(0);

    /// <summary>Two-sided randomisation p-value of H₀: τ = 0.</summary>
    public double PValueAtZero => PValue(0);

    /// <summary>{τ : p(τ) &gt; 1 − level}; see <see cref="Notes"/> for unbounded or non-interval sets.</summary>
    public Interval ConfidenceInterval { get; }

    /// <summary>The level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Exact enumeration or Monte Carlo.</summary>
    public RandomisationMethod Method { get; }

    /// <summary>Number of assignments evaluated (all N when exact, B when Monte Carlo).</summary>
    public int AssignmentCount => _draws.Count;

    /// <summary>The seed (Monte Carlo only).</summary>
    public int Seed { get; }

    /// <summary>Remarks from the inversion: empty, unbounded or non-interval confidence sets.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// The two-sided p-value of H₀(τ): exact, #{|t*| ≥ |t|}/N over all assignments (the observed one included); Monte
    /// Carlo, (1 + #{|t*| ≥ |t|})/(1 + B).
    /// </summary>
    public double PValue(double tau)
    {
        if (!double.IsFinite(tau))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "The null value must be finite.");
        }

        var t = Math.Abs(_observed.Statistic(tau));
        var threshold = t - (_margin * Math.Max(1, t));
        long extreme = 0;
        foreach (var draw in _draws)
        {
            if (Math.Abs(draw.Statistic(tau)) >= threshold)
            {
                extreme++;
            }
        }

        return Method == RandomisationMethod.Exact ? (double)extreme / _draws.Count : (1.0 + extreme) / (1.0 + _draws.Count);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Randomisation inference (Lin studentised, {(Method == RandomisationMethod.Exact ? "exact over" : "Monte Carlo, B =")} {AssignmentCount}): estimate {Estimate:G5}, p(0) = {PValueAtZero:G4}, {ConfidenceLevel * 100:0.##}% CI {ConfidenceInterval}");
}
