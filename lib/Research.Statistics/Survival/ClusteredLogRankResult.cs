using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>
/// The cluster-robust score (log-rank type) test of equal hazards across groups: χ² = U'(R'R)⁻¹U on k − 1 df, with U
/// the Cox score at β = 0 for the group dummies and R the score residuals summed by cluster (<c>coxph(...,
/// cluster = )$rscore</c>).
/// </summary>
/// <param name="Groups">Group labels in ordinal order; the first is the reference of the dummies.</param>
/// <param name="Ties">Tie handling of the score.</param>
/// <param name="Score">U, one entry per group but the first (observed minus expected events under Breslow ties).</param>
/// <param name="RobustVariance">R'R, (k − 1) × (k − 1), rows in <paramref name="Score"/> order.</param>
/// <param name="ChiSquare">The robust score statistic.</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="PValue">Upper-tail χ²(k − 1) probability.</param>
/// <param name="ClusterCount">Number of clusters G.</param>
/// <param name="Unadjusted">The ordinary log-rank test (survdiff) of the same data, which assumes independence.</param>
/// <param name="Notes">Remarks, e.g. that few clusters make the χ² reference optimistic.</param>
public sealed record ClusteredLogRankResult(
    IReadOnlyList<string> Groups,
    CoxTies Ties,
    IReadOnlyList<double> Score,
    IReadOnlyList<IReadOnlyList<double>> RobustVariance,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    int ClusterCount,
    LogRankResult Unadjusted,
    IReadOnlyList<string> Notes)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Cluster-robust score test ({Ties} ties, {ClusterCount} clusters): chi-square = {ChiSquare:G4} on {DegreesOfFreedom} df, p = {PValue:G4}; unadjusted log-rank chi-square = {Unadjusted.ChiSquare:G4}, p = {Unadjusted.PValue:G4}")
        + string.Concat(Notes.Select(n => Environment.NewLine + "Note: " + n));
}
