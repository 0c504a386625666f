using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Mixed-effects test of a categorical moderator with one common τ² (metafor <c>rma(yi, vi, mods = ~ factor(g))</c>):
/// group means are pooled with weights 1/(vᵢ + τ̂²), τ̂² estimated from the residual heterogeneity around the group
/// means, and QM = Σ_g W_g(μ̂_g − μ̄)² tests that all group means are equal: χ²(G − 1), or with Knapp–Hartung
/// QM/(G − 1)/q against F(G − 1, k − G), q = Σwᵢ(yᵢ − μ̂_g)²/(k − G). Unlike separate fits this works with
/// single-study groups as long as some group has two or more studies.
/// </summary>
/// <param name="Options">Method, test and level.</param>
/// <param name="Groups">Moderator values, ordinal order.</param>
/// <param name="GroupSizes">Studies per group.</param>
/// <param name="Estimates">Pooled mean of each group.</param>
/// <param name="StandardErrors">Standard error of each group mean (Knapp–Hartung scaled when that test is used).</param>
/// <param name="ConfidenceIntervals">Interval for each group mean (normal or t(k − G)).</param>
/// <param name="Statistic">QM (χ² form) or QM/(G − 1) scaled (F form under Knapp–Hartung).</param>
/// <param name="NumeratorDegreesOfFreedom">G − 1.</param>
/// <param name="DenominatorDegreesOfFreedom">k − G for the F test; null for the χ² test.</param>
/// <param name="PValue">p-value of the moderator test.</param>
/// <param name="ResidualHeterogeneity">QE on k − G df, the common τ², and residual I² and H².</param>
public sealed record ModeratorTest(
    MetaAnalysisOptions Options,
    IReadOnlyList<string> Groups,
    IReadOnlyList<int> GroupSizes,
    IReadOnlyList<double> Estimates,
    IReadOnlyList<double> StandardErrors,
    IReadOnlyList<Interval> ConfidenceIntervals,
    double Statistic,
    int NumeratorDegreesOfFreedom,
    int? DenominatorDegreesOfFreedom,
    double PValue,
    Heterogeneity ResidualHeterogeneity)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var lines = Groups.Select((g, i) => string.Create(CultureInfo.InvariantCulture,
            $"{g} (k = {GroupSizes[i]}): {Estimates[i]:G4} {ConfidenceIntervals[i]}"));
        var test = DenominatorDegreesOfFreedom is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"F({NumeratorDegreesOfFreedom}, {d}) = {Statistic:G4}")
            : string.Create(CultureInfo.InvariantCulture, $"QM = {Statistic:G4} (df = {NumeratorDegreesOfFreedom})");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine
            + string.Create(CultureInfo.InvariantCulture, $"Test of moderator ({Options.Method}, common tau^2): {test}, p = {PValue:G4}; residual {ResidualHeterogeneity}");
    }
}
