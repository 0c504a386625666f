using Research.Data.Design;
using Research.Scales.Instruments;
using Research.Synthetic;
using Research.Synthetic.Calibration;

namespace Research.Simulation;

/// <summary>
/// The coverage-and-size study of issue 11 (and the wellbeing attrition study of issue 12): replications of all six
/// experiments from the synthetic data-generating process with their real designs (arms, caseworkers, take-up, base
/// rates), once with every planted effect zero (size) and once with the planted effects (bias, coverage, width), each
/// estimated by the reports' own estimator under every inference method. Seeded: replication r uses generator seed
/// <see cref="StudyOptions.Seed"/> + r and the estimator's fixed seeds, so the result does not depend on the parallelism.
/// </summary>
public static class CoverageStudy
{
    /// <summary>Runs the study.</summary>
    /// <param name="options">Replications, methods, outcomes, estimator settings.</param>
    /// <param name="calibration">The data-generating process (default: the bundled calibration).</param>
    /// <param name="progress">Receives the number of replications finished.</param>
    public static StudyResult Run(StudyOptions options, SyntheticCalibration? calibration = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1);
        calibration ??= SyntheticCalibration.Default;
        var results = new (List<EffectDraw>, List<FamilyDraw>, List<WellbeingDraw>, List<string>)[options.Replications * 2];
        var done = 0;
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, k =>
        {
            var world = k % 2 == 0 ? World.NoEffects : World.PlantedEffects;
            results[k] = Replication.Run(k / 2, world, options, calibration);
            progress?.Report(Interlocked.Increment(ref done) / 2);
        });
        var designs = new SyntheticExtractGenerator(ExperimentCatalog.Canonical, BundledInstruments.Catalog, calibration).Sites(new SyntheticOptions { Seed = options.Seed })
            .Where(s => options.Sites is null || options.Sites.Contains(s.Experiment.Municipality))
            .Select(s => SiteDesign.Of(s, options.Outcomes)).ToList();
        return new StudyResult(
            options,
            designs,
            results.SelectMany(r => r.Item1).ToList(),
            results.SelectMany(r => r.Item2).ToList(),
            results.SelectMany(r => r.Item3).ToList(),
            results.SelectMany(r => r.Item4).GroupBy(m => m, StringComparer.Ordinal).Select(g => new FailureCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Message, StringComparer.Ordinal).ToList());
    }
}
