namespace Research.Statistics.MetaAnalysis;

/// <summary>Settings of <see cref="MetaRegression.Fit"/>.</summary>
/// <param name="Method"><see cref="MetaAnalysisMethod.RestrictedMaximumLikelihood"/> (random effects) or <see cref="MetaAnalysisMethod.FixedEffect"/>.</param>
/// <param name="Test">z or t inference.</param>
/// <param name="ConfidenceLevel">Level of the confidence and prediction intervals, in (0, 1).</param>
/// <param name="RandomEffectGroups">
/// Rows that share a label share one random effect (metafor <c>random = ~ 1 | group</c>), e.g. the site; null gives
/// every row its own, i.e. a random effect per arm (<c>random = ~ 1 | arm</c>).
/// </param>
public sealed record MetaRegressionOptions(
    MetaAnalysisMethod Method = MetaAnalysisMethod.RestrictedMaximumLikelihood,
    MetaRegressionTest Test = MetaRegressionTest.Normal,
    double ConfidenceLevel = 0.95,
    IReadOnlyList<string>? RandomEffectGroups = null)
{
    /// <summary>REML with a random effect per row and z tests at 95%, metafor's defaults.</summary>
    public static MetaRegressionOptions Default { get; } = new();
}
