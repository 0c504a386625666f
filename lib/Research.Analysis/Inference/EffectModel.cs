using System.Globalization;
using Research.Data.Design;
using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Inference;

/// <summary>
/// The persons with an observed outcome and the pieces every method shares: arm labels in design order, the
/// prognostic covariate design, clusters, strata and weights. Fits Lin's regression of any outcome vector on them.
/// </summary>
/// <remarks>
/// Lin's design depends on the persons only, not on the outcome, so it is built and factored once per variance
/// estimator (on first use) and fitted to every outcome vector (the ITT, the take-up first stage, the residualised
/// outcomes of the effect on the treated): <see cref="FactoredLinDesign"/>. Unweighted data taken from an
/// <see cref="EffectPopulation"/> share the population's factored designs, so other outcomes and horizons observed for
/// the same persons reuse them.
/// </remarks>
internal sealed class EffectModel
{
    private readonly LinOptions _lin;
    private readonly Lazy<DesignMatrix> _covariates;
    private readonly Lazy<FactoredLinDesign> _robust;
    private readonly Lazy<FactoredLinDesign> _clustered;
    private readonly Lazy<VarianceEstimator> _caseworkerClusters;

    private EffectModel(EffectData data, EffectOptions options)
    {
        Data = data;
        Options = options;
        Control = data.Experiment.Control;
        var treated = data.Experiment.TreatmentArms.ToArray();
        Treated = treated;
        Codes = data.Arms.Select(a => a.Code).ToArray();
        Assignment = data.Arms.Select(a => a == Control ? 0 : Array.IndexOf(treated, a) + 1).ToArray();
        // Built when first needed: a fit from a population's factored design does not need it, and building it (pooling
        // rare levels arm by arm) costs more than the fit.
        _covariates = new Lazy<DesignMatrix>(() => data.Covariates.Design(data.Arms));
        Strata = data.Covariates.Stratum.Distinct(StringComparer.Ordinal).Count() > 1 ? data.Covariates.Stratum : null;
        _lin = new LinOptions
        {
            ArmOrder = Treated.Select(a => a.Code).ToArray(),
            // A rare outcome can be constant in a small arm: its covariate slopes then have no variance, which must not
            // cost the arm effects theirs (they are checked below).
            Fit = new FitOptions { Weights = data.Weights, ConfidenceLevel = options.ConfidenceLevel, OutcomeName = data.OutcomeName, AllowUndefinedStandardErrors = true },
        };
        _robust = new Lazy<FactoredLinDesign>(() => Factored(clustered: false));
        _clustered = new Lazy<FactoredLinDesign>(() => Factored(clustered: true));
        // Coded once: coding the caseworker ids looks up every person's id, and each clustered fit asks for the estimator.
        _caseworkerClusters = new Lazy<VarianceEstimator>(() => VarianceEstimator.CR2(data.Caseworkers));
    }

    public EffectData Data { get; }

    public EffectOptions Options { get; }

    public ExperimentArm Control { get; }

    public IReadOnlyList<ExperimentArm> Treated { get; }

    /// <summary>Arm code per person.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>0 for control, k for the k-th treatment arm in design order.</summary>
    public int[] Assignment { get; }

    public DesignMatrix Covariates => _covariates.Value;

    /// <summary>The strata when there is more than one, else null.</summary>
    public IReadOnlyList<string>? Strata { get; }

    public double Alpha => 1 - Options.ConfidenceLevel;

    /// <summary>The observed persons of <paramref name="data"/>, checked to have at least two persons in every arm.</summary>
    /// <exception cref="DegenerateModelException">An arm with fewer than two persons with the outcome.</exception>
    public static EffectModel Create(EffectData data, EffectOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var observed = data.Take(data.ObservedRows());
        var thin = data.Experiment.Arms.Where(a => observed.Arms.Count(x => x == a) < 2).Select(a => a.Code).ToList();
        if (thin.Count > 0)
        {
            throw new DegenerateModelException(string.Create(CultureInfo.InvariantCulture,
                $"{data.OutcomeName}: fewer than two persons with the outcome in arm(s) {string.Join(", ", thin)}, so they cannot be compared"));
        }

        return new EffectModel(observed, options);
    }

    /// <summary>Lin's regression of <paramref name="outcome"/> (one value per observed person) with HC2.</summary>
    public LinFit FitRobust(IReadOnlyList<double> outcome) => Fit(outcome, _robust, VarianceEstimator.HC2);

    /// <summary>
    /// Lin's regression of <paramref name="outcome"/> (one value per observed person) with CR2 by caseworker
    /// (<see cref="Clustered"/>); only the arm effects have degrees of freedom, tests and intervals.
    /// </summary>
    public LinFit FitClustered(IReadOnlyList<double> outcome) => Fit(outcome, _clustered, Clustered());

    /// <summary>Lin's design for <paramref name="outcome"/> without fitting.</summary>
    public LinDesign Design(IReadOnlyList<double> outcome) => LinAdjustment.Design(outcome, Codes, Control.Code, Covariates, _lin);

    /// <summary>The unadjusted regression on the arm dummies.</summary>
    public LinearModelResult Unadjusted(IReadOnlyList<double> outcome, VarianceEstimator variance) =>
        LinearModel.Fit(outcome, new DesignBuilder(outcome.Count).Intercept().Treatment("arm", Codes, Control.Code, [Control.Code, .. _lin.ArmOrder!]).Build(), variance, _lin.Fit);

    public VarianceEstimator Clustered() => _caseworkerClusters.Value;

    /// <summary>The coefficient name of <paramref name="arm"/> in <see cref="FitRobust"/> and <see cref="Unadjusted"/>.</summary>
    public static string Coefficient(ExperimentArm arm) => string.Create(CultureInfo.InvariantCulture, $"arm[{arm.Code}]");

    // A constant outcome has nothing to share: the direct fit says why it cannot be estimated, whatever else fails.
    private LinFit Fit(IReadOnlyList<double> outcome, Lazy<FactoredLinDesign> factored, VarianceEstimator variance) =>
        outcome.Any(v => v != outcome[0])
            ? factored.Value.Fit(outcome, Data.OutcomeName)
            : LinAdjustment.Fit(outcome, Codes, Control.Code, Covariates, variance, _lin);

    private FactoredLinDesign Factored(bool clustered)
    {
        // The clustered design shares the robust one's factorisation where it keeps the same persons, so an outcome
        // fitted with both (every CR2 result beside its HC2 counterpart) is solved once.
        FactoredLinDesign Factor() => clustered
            ? _robust.Value.WithVariance(Clustered()) ?? LinAdjustment.Factor(Codes, Control.Code, Covariates, Clustered(), _lin)
            : LinAdjustment.Factor(Codes, Control.Code, Covariates, VarianceEstimator.HC2, _lin);

        // Weights differ from outcome to outcome (survey response weights), so weighted designs are not shared.
        return Data.Population is { } population && Data.Weights is null
            ? population.Factored(Data.PopulationRows ?? [.. Enumerable.Range(0, Data.Count)], clustered, Options.ConfidenceLevel, Factor)
            : Factor();
    }

    /// <summary>The (weighted) mean of <paramref name="values"/> over <paramref name="arm"/>'s persons.</summary>
    public double Mean(IReadOnlyList<double> values, ExperimentArm arm)
    {
        double sum = 0, weight = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (Data.Arms[i] == arm)
            {
                var w = Data.Weights?[i] ?? 1.0;
                sum += w * values[i];
                weight += w;
            }
        }

        return sum / weight;
    }

    public int Count(ExperimentArm arm) => Data.Arms.Count(a => a == arm);
}
