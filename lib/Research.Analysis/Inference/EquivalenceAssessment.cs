using Research.Statistics.Equivalence;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Inference;

/// <summary>
/// The effect against the smallest effect of policy interest: two one-sided tests (TOST) at level α, the two-sided
/// test of no effect and the minimum-effect test, combined into one typed conclusion that drives the summary wording
/// (never the minimum detectable effect).
/// </summary>
/// <param name="Margin">The equivalence region (−δ, δ).</param>
/// <param name="Alpha">Level of every test.</param>
/// <param name="Conclusion">What the tests together show.</param>
/// <param name="EquivalenceInterval">The 1 − 2α interval (TOST rejects exactly when it lies inside the margin); null for the resampling methods, whose conclusion comes from their p-values at 0 and ±δ.</param>
public sealed record EquivalenceAssessment(EquivalenceMargin Margin, double Alpha, EquivalenceConclusion Conclusion, Interval? EquivalenceInterval)
{
    /// <summary>
    /// The conclusion from a two-sided p-value function p(r) of H₀: effect = r whose acceptance regions are intervals
    /// around the estimate: differs when p(0) ≤ α; equivalent when the estimate lies inside the margin and
    /// p(±δ) ≤ 2α (the 1 − 2α interval lies inside the margin); beyond the margin when it differs, lies beyond a margin
    /// and p at that margin ≤ 2α. For a t statistic this is exactly <see cref="EquivalenceTest"/>'s conclusion.
    /// </summary>
    public static EquivalenceConclusion Conclude(Func<double, double> pValue, double estimate, EquivalenceMargin margin, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pValue);
        var differs = pValue(0) <= alpha;
        var equivalent = estimate > margin.Lower && estimate < margin.Upper && pValue(margin.Lower) <= 2 * alpha && pValue(margin.Upper) <= 2 * alpha;
        var exceeds = (estimate >= margin.Upper && pValue(margin.Upper) <= 2 * alpha) || (estimate <= margin.Lower && pValue(margin.Lower) <= 2 * alpha);
        return (equivalent, differs) switch
        {
            (true, false) => EquivalenceConclusion.Equivalent,
            (true, true) => EquivalenceConclusion.EquivalentButDifferent,
            (false, true) => exceeds ? EquivalenceConclusion.ExceedsMargin : EquivalenceConclusion.Different,
            _ => EquivalenceConclusion.Inconclusive,
        };
    }
}
