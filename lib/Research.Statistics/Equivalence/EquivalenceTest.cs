using System.Globalization;
using Research.Statistics.Inference;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Equivalence;

/// <summary>
/// Equivalence testing by two one-sided tests (TOST, Schuirmann 1987) for an estimate with a standard error and a
/// t (or normal) reference: an effect is shown to be smaller than the smallest effect of interest when both
/// H₀: θ ≤ lower and H₀: θ ≥ upper are rejected at level α, i.e. when the 1 − 2α interval lies inside the margin.
/// <code>var tost = EquivalenceTest.Test(itt.Estimate, itt.StandardError, itt.DegreesOfFreedom, EquivalenceMargin.Symmetric(0.03));</code>
/// </summary>
/// <remarks>
/// The conclusion combines TOST with the two-sided test of θ = 0 and the minimum-effect test at the same α (see
/// <see cref="EquivalenceConclusion"/>), so summary wording can follow the interval against the margin rather than
/// the minimum detectable effect. With a multiplicity-adjusted α the same adjustment applies to every test.
/// </remarks>
public static class EquivalenceTest
{
    /// <summary>Runs the tests.</summary>
    /// <param name="estimate">The estimate, finite.</param>
    /// <param name="standardError">Its standard error, positive and finite.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom of the t reference (e.g. a coefficient's Bell–McCaffrey df); +∞ for the normal.</param>
    /// <param name="margin">The equivalence region.</param>
    /// <param name="alpha">Level of each one-sided test, in (0, 0.5); 0.05 gives the 90% equivalence interval.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of its range.</exception>
    public static EquivalenceResult Test(double estimate, double standardError, double degreesOfFreedom, EquivalenceMargin margin, double alpha = 0.05)
    {
        margin.Validate();
        if (!double.IsFinite(estimate))
        {
            throw new ArgumentOutOfRangeException(nameof(estimate), estimate, "The estimate must be finite.");
        }

        if (!(standardError > 0) || !double.IsFinite(standardError))
        {
            throw new ArgumentOutOfRangeException(nameof(standardError), standardError, "The standard error must be positive and finite.");
        }

        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "The degrees of freedom must be positive (+∞ for the normal).");
        }

        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, string.Create(CultureInfo.InvariantCulture, $"alpha must lie in (0, 0.5); got {alpha}."));
        }

        var lowerT = (estimate - margin.Lower) / standardError;
        var upperT = (estimate - margin.Upper) / standardError;
        var lowerP = UpperTail(lowerT, degreesOfFreedom);
        var upperP = UpperTail(-upperT, degreesOfFreedom);
        var tost = Math.Max(lowerP, upperP);
        var equivalence = Around(estimate, standardError, ReferenceDistribution.CriticalValue(1 - (2 * alpha), degreesOfFreedom));
        var confidence = Around(estimate, standardError, ReferenceDistribution.CriticalValue(1 - alpha, degreesOfFreedom));
        var difference = ReferenceDistribution.TwoSidedP(estimate / standardError, degreesOfFreedom);
        var minimumEffect = estimate >= 0 ? UpperTail((estimate - margin.Upper) / standardError, degreesOfFreedom) : UpperTail((margin.Lower - estimate) / standardError, degreesOfFreedom);

        var differs = difference <= alpha;
        var conclusion = (tost <= alpha, differs) switch
        {
            (true, false) => EquivalenceConclusion.Equivalent,
            (true, true) => EquivalenceConclusion.EquivalentButDifferent,
            (false, true) => minimumEffect <= alpha ? EquivalenceConclusion.ExceedsMargin : EquivalenceConclusion.Different,
            _ => EquivalenceConclusion.Inconclusive,
        };
        return new EquivalenceResult(
            estimate, standardError, degreesOfFreedom, margin, alpha, lowerT, lowerP, upperT, upperP, tost, equivalence, confidence, difference, minimumEffect, conclusion);
    }

    /// <summary>P(T ≥ t) from the two-sided tail, which keeps relative accuracy for small p-values.</summary>
    private static double UpperTail(double t, double df)
    {
        var half = ReferenceDistribution.TwoSidedP(t, df) / 2;
        return t >= 0 ? half : 1 - half;
    }

    private static Interval Around(double estimate, double se, double critical) => new(estimate - (critical * se), estimate + (critical * se));
}
