using Research.Statistics.Regression;

namespace Research.Analysis.Synthesis;

/// <summary>The pooled effect of one component on one outcome at the sites' primary horizons, from one component model.</summary>
/// <param name="Component">The component.</param>
/// <param name="Outcome">Outcome key.</param>
/// <param name="Model">The fit it comes from (REML random effects, or fixed effect).</param>
/// <param name="Coefficient">The component's coefficient (z inference, as metafor's default).</param>
/// <param name="Arms">Arms that carry the component.</param>
/// <param name="TypePool">The type-level pool (REML-HKSJ) of the arms that ran the component alone, for comparison; null when there is none.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ComponentEffect(InterventionComponent Component, string Outcome, ComponentModel Model, Coefficient Coefficient, int Arms, TypeMetaAnalysis? TypePool)
{
    /// <summary>The component estimate minus the type-level pool's; null without a pool.</summary>
    public double? DifferenceFromTypePool => TypePool?.Estimate is { } pooled ? Coefficient.Estimate - pooled : null;
}
