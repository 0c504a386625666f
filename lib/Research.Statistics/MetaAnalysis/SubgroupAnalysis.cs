using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Subgroup meta-analysis by a categorical moderator. Each subgroup is pooled separately (its own τ²), and subgroup
/// differences are tested with Q_between = Σ (μ̂_g − μ̄)²/SE_g², μ̄ the inverse-variance mean of the subgroup estimates,
/// referred to χ²(G − 1). This is the approach of RevMan and <c>meta::metagen(subgroup=, tau.common=FALSE)</c>,
/// and equals the Q of metafor <c>rma(yi = estimates, sei = SEs, method = "FE")</c> over the subgroup fits;
/// it is not the mixed-effects QM test of <c>rma(mods = ~factor(g))</c>, which assumes one common τ².
/// </summary>
/// <param name="Subgroups">One fit per moderator value, ordered by value (ordinal).</param>
/// <param name="Overall">The meta-analysis of all studies ignoring the moderator.</param>
/// <param name="QBetween">Test statistic for subgroup differences.</param>
/// <param name="DegreesOfFreedom">G − 1.</param>
/// <param name="PValue">Upper-tail χ²(G − 1) probability of <paramref name="QBetween"/>.</param>
public sealed record SubgroupAnalysis(IReadOnlyList<Subgroup> Subgroups, MetaAnalysisResult Overall, double QBetween, int DegreesOfFreedom, double PValue)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Join(Environment.NewLine, Subgroups.Select(s => s.ToString()))
        + Environment.NewLine
        + string.Create(CultureInfo.InvariantCulture, $"Test for subgroup differences: Q_between = {QBetween:G4} (df = {DegreesOfFreedom}, p = {PValue:G4})");
}
