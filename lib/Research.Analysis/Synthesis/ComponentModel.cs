using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>
/// One fit of the additive component meta-regression over all arms: the arms' ITT estimates at each site's primary
/// horizon on the component indicators, without intercept (an arm's effect is the sum of its components'), with the
/// sampling covariance of arms that share a control arm and a random effect per arm (metafor
/// <c>rma.mv(yi, V, mods = ~ 0 + …, random = ~ 1 | arm)</c>).
/// </summary>
/// <param name="Key">Identifier in result tables (<c>reml</c>, <c>fe</c>).</param>
/// <param name="Fit">The fit.</param>
/// <param name="K">Arms in the model.</param>
/// <param name="Sites">Sites in the model.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ComponentModel(string Key, MetaRegressionResult Fit, int K, int Sites);
