using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>
/// Result of the k-group log-rank test (R's <c>survdiff</c> with rho = 0): χ² = (O − E)ᵀV⁻¹(O − E) over the groups
/// but the first, referred to χ²(k − 1).
/// </summary>
/// <param name="Groups">Per-group counts, in ordinal order of the labels.</param>
/// <param name="ChiSquare">The test statistic.</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="PValue">Upper-tail χ²(k − 1) probability.</param>
/// <param name="Variance">Hypergeometric covariance matrix of O − E (k × k, rows and columns in <paramref name="Groups"/> order).</param>
public sealed record LogRankResult(IReadOnlyList<LogRankGroup> Groups, double ChiSquare, int DegreesOfFreedom, double PValue, IReadOnlyList<IReadOnlyList<double>> Variance)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Join(Environment.NewLine, Groups.Select(g => g.ToString()))
        + Environment.NewLine
        + string.Create(CultureInfo.InvariantCulture, $"Log-rank chi-square = {ChiSquare:G4} on {DegreesOfFreedom} df, p = {PValue:G4}");
}
