using System.Globalization;
using Research.Data.Design;
using Research.Statistics.Design;
using Research.Statistics.MetaAnalysis;
using Research.Statistics.Regression;

namespace Research.Analysis.Synthesis;

/// <summary>
/// The synthesis by intervention component (the primary synthesis; the type-level pools of
/// <see cref="SynthesisAnalysis"/> are its sensitivity analysis). A type-level pool compares unlike arms — Nijmegen's
/// and Tilburg's combination arms share no component mix — and loses each arm's components from the pools of the
/// components it carries; the additive model uses every randomised arm once and lets each component's effect be
/// estimated from all arms that carry it.
/// </summary>
/// <remarks>
/// Rows: every arm that is not self-chosen, at its site's primary horizon, whose estimate was published. Covariance:
/// the recorded standard errors with the correlation of two arms against one control arm
/// (<see cref="SiteTypeEffect.SharedControlCorrelation"/>), inflated for each arm's small degrees of freedom by
/// (t(df)/z)² (<see cref="SmallSampleInflation.Inflate(double[,], IReadOnlyList{double}, VarianceInflation, double)"/>),
/// correlations kept. Components no arm carries are left out of the model.
/// </remarks>
public static class ComponentAnalysis
{
    /// <summary>The models reported: REML random effects (primary) and fixed effect (for comparison).</summary>
    public static IReadOnlyList<(string Key, MetaRegressionOptions Options)> Models { get; } =
    [
        ("reml", new MetaRegressionOptions(MetaAnalysisMethod.RestrictedMaximumLikelihood)),
        ("fe", new MetaRegressionOptions(MetaAnalysisMethod.FixedEffect)),
    ];

    /// <summary>Fits the component models for every outcome; an outcome the data do not allow is noted, not fitted.</summary>
    /// <param name="estimates">The site estimates (each arm, outcome and horizon).</param>
    /// <param name="designs">The experiment designs (arms' components, primary horizons).</param>
    /// <param name="typePools">The type-level pools to compare with.</param>
    /// <param name="notes">Receives why an outcome could not be fitted.</param>
    public static IReadOnlyList<ComponentEffect> Fit(IReadOnlyList<SiteEstimate> estimates, ExperimentCatalog designs, IReadOnlyList<TypeMetaAnalysis> typePools, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(designs);
        ArgumentNullException.ThrowIfNull(typePools);
        ArgumentNullException.ThrowIfNull(notes);
        var effects = new List<ComponentEffect>();
        foreach (var outcome in estimates.Select(e => e.Outcome).Distinct(StringComparer.Ordinal))
        {
            var rows = estimates
                .Where(e => e.Outcome == outcome && !e.IsWithheld && e.HorizonMonths == designs[e.Site].PrimaryHorizonMonths)
                .Select(e => (Estimate: e, Arm: designs[e.Site].Arms.Single(a => a.Code == e.Arm)))
                .Where(r => !r.Arm.IsControl && !r.Arm.ComponentSelfChosen)
                .OrderBy(r => r.Estimate.Site, StringComparer.Ordinal).ThenBy(r => r.Estimate.Arm, StringComparer.Ordinal)
                .ToList();
            var components = InterventionComponent.All.Where(c => rows.Any(r => c.Carries(r.Arm))).ToList();
            if (rows.Count <= components.Count)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Component model for {outcome}: {rows.Count} published arm estimates for {components.Count} components; not fitted."));
                continue;
            }

            var builder = new DesignBuilder(rows.Count);
            foreach (var component in components)
            {
                builder = builder.Numeric(component.Key, [.. rows.Select(r => component.Carries(r.Arm) ? 1.0 : 0.0)]);
            }

            var moderators = builder.Build();
            var covariance = Covariance([.. rows.Select(r => r.Estimate)]);
            var sites = rows.Select(r => r.Estimate.Site).Distinct(StringComparer.Ordinal).Count();
            foreach (var (key, options) in Models)
            {
                MetaRegressionResult fit;
                try
                {
                    fit = MetaRegression.Fit([.. rows.Select(r => r.Estimate.Estimate!.Value)], covariance, moderators, options,
                        [.. rows.Select(r => $"{r.Estimate.Site}/{r.Estimate.Arm}")]);
                }
                catch (Exception e) when (e is DegenerateModelException or ArgumentException)
                {
                    notes.Add($"Component model ({key}) for {outcome}: {e.Message}");
                    continue;
                }

                var model = new ComponentModel(key, fit, rows.Count, sites);
                effects.AddRange(components.Select(c => new ComponentEffect(c, outcome, model, fit[c.Key], rows.Count(r => c.Carries(r.Arm)),
                    c.TypeKey is null ? null : typePools.FirstOrDefault(p => p.Type == c.TypeKey && p.Outcome == outcome && p.Horizon == TypeMetaAnalysis.PrimaryHorizon && p.Method == SynthesisMethod.RemlHksj))));
            }
        }

        return effects;
    }

    /// <summary>The arms' sampling covariance: shared-control correlations within a site, variances inflated for their df.</summary>
    internal static double[,] Covariance(IReadOnlyList<SiteEstimate> arms)
    {
        var k = arms.Count;
        var v = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var correlation = i == j ? 1 : arms[i].Site == arms[j].Site ? SiteTypeEffect.SharedControlCorrelation(arms[i], arms[j]) : 0;
                v[i, j] = arms[i].StandardError!.Value * arms[j].StandardError!.Value * correlation;
            }
        }

        return SmallSampleInflation.Inflate(v, [.. arms.Select(a => a.DegreesOfFreedom ?? double.PositiveInfinity)], VarianceInflation.StudentTQuantile);
    }
}
