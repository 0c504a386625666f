using Research.Statistics.Regression;

namespace Research.Statistics.Adjustment;

/// <summary>
/// Lin's interacted design built and factored once for many outcomes observed on the same rows (the first stage,
/// reduced form and residualised outcomes of an effect on the treated, or one outcome at several horizons), from
/// <see cref="LinAdjustment.Factor"/>.
/// <code>
/// var lin = LinAdjustment.Factor(arm, "control", covariates, VarianceEstimator.CR2(caseworker));
/// var itt = lin.Fit(outflow).Effect("intensivering");
/// var takeUp = lin.Fit(tookUp).Effect("intensivering");
/// </code>
/// </summary>
/// <remarks>
/// Each <see cref="Fit"/> equals <see cref="LinAdjustment.Fit"/> of the same outcome, arms, covariates, variance and
/// options, except that under HC0–HC3 and CR2 only the arm effects (<see cref="LinDesign.TreatmentColumns"/>) get standard
/// errors, degrees of freedom, p-values and intervals; the covariate slopes keep their estimates (see <see cref="FactoredDesign"/>).
/// The rows are chosen without the outcome, so every outcome must be observed at every row used. Immutable:
/// <see cref="Fit"/> may be called from several threads at once.
/// </remarks>
public sealed class FactoredLinDesign
{
    private readonly LinDesign _design;
    private readonly FactoredDesign _factored;

    internal FactoredLinDesign(LinDesign design, FactoredDesign factored)
    {
        _design = design;
        _factored = factored;
    }

    /// <summary>The variance estimator every fit uses.</summary>
    public VarianceEstimator Variance => _factored.Variance;

    /// <summary>
    /// The same design factored for <paramref name="variance"/> (cluster ids per input row, as for
    /// <see cref="LinAdjustment.Factor"/>), sharing this design's factorisation and solutions so that an outcome fitted
    /// under both is solved once (see <see cref="FactoredDesign.WithVariance"/>); null when a cluster id is missing at a
    /// row this design uses, where <see cref="LinAdjustment.Factor"/> would drop that row and build another design.
    /// </summary>
    /// <exception cref="ArgumentException">Cluster ids of another length than the input rows.</exception>
    /// <exception cref="DegenerateModelException">Fewer than two clusters.</exception>
    public FactoredLinDesign? WithVariance(VarianceEstimator variance)
    {
        ArgumentNullException.ThrowIfNull(variance);
        var inputRows = _design.Rows.Count + _design.DroppedRowCount;
        if (variance.ClusterCodes is { } codes)
        {
            if (codes.Length != inputRows)
            {
                throw new ArgumentException($"There are {codes.Length} cluster ids but {inputRows} rows.", nameof(variance));
            }

            if (_design.Rows.Any(r => codes[r] < 0))
            {
                return null;
            }
        }

        return new FactoredLinDesign(_design, _factored.WithVariance(variance.Subset(_design.Rows), _design.TreatmentColumns));
    }

    /// <summary>Fits <paramref name="y"/> (one value per input row).</summary>
    /// <param name="y">The outcome.</param>
    /// <param name="outcomeName">The outcome's name in the result and messages (default: the factoring options' <see cref="FitOptions.OutcomeName"/>).</param>
    /// <exception cref="ArgumentException">A length other than the input rows, or a missing or infinite value at a row used.</exception>
    /// <exception cref="DegenerateModelException">A constant outcome; leverage one under HC2; an undefined standard error.</exception>
    public LinFit Fit(IReadOnlyList<double> y, string? outcomeName = null)
    {
        var outcome = _design.Take(y).ToArray();
        return new LinFit(_design.WithOutcome(outcome), _factored.Fit(outcome, outcomeName));
    }
}
