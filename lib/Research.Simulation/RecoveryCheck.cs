using Research.Analysis.Inference;
using Research.Data.Design;
using Research.Scales.Instruments;
using Research.Synthetic;
using Research.Synthetic.Calibration;

namespace Research.Simulation;

/// <summary>
/// Whether an estimator recovers the planted intention-to-treat effects, checked on bias and not only on coverage:
/// over independent draws of the experiments, the mean estimate per site and arm must lie within Monte Carlo error of
/// the mean planted ITT. The estimator is a parameter, so a test can show that a biased one (returning zero, or
/// flipping the sign) fails the check.
/// </summary>
public static class RecoveryCheck
{
    /// <summary>The reports' estimator: Lin's adjusted ITT of every treatment arm, in design order.</summary>
    public static IReadOnlyList<double> ReportsEstimator(EffectData data) =>
        EffectEstimator.Itt(data, EffectOptions.Default with { Method = InferenceMethod.Hc2, IncludeUnadjusted = false }).Arms.Select(a => a.Effect.Estimate).ToList();

    /// <summary>Runs the check.</summary>
    /// <param name="estimator">One estimate per treatment arm of the experiment, in design order.</param>
    /// <param name="options">Seeds, sites, outcome and limit.</param>
    /// <param name="calibration">The data-generating process (default: the bundled calibration).</param>
    /// <exception cref="InvalidOperationException">The estimator returned the wrong number of estimates.</exception>
    public static RecoveryResult Run(Func<EffectData, IReadOnlyList<double>> estimator, RecoveryOptions options, SyntheticCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        var generator = new SyntheticExtractGenerator(ExperimentCatalog.Canonical, BundledInstruments.Catalog, calibration ?? SyntheticCalibration.Default);
        var draws = Enumerable.Range(0, options.Seeds).AsParallel().AsOrdered().SelectMany(s =>
        {
            var sites = generator.Sites(new SyntheticOptions { Seed = options.FirstSeed + (ulong)s }).Where(x => options.Sites.Contains(x.Experiment.Municipality));
            return sites.SelectMany(site =>
            {
                var simulated = SimulatedSite.Create(site, ExperimentCatalog.Canonical);
                var arms = site.Experiment.TreatmentArms.ToList();
                var estimates = estimator(simulated.PrimaryOutcome(options.Outcome));
                if (estimates.Count != arms.Count)
                {
                    throw new InvalidOperationException($"the estimator returned {estimates.Count} estimates for the {arms.Count} treatment arms of {site.Experiment.Municipality}");
                }

                return arms.Select((arm, k) => (site.Experiment, arm, options.Outcome, estimates[k], PlantedItt.At(site, arm, options.Outcome)));
            }).ToList();
        }).ToList();
        return new RecoveryResult(ArmBias.Of(draws), options.Limit);
    }
}
