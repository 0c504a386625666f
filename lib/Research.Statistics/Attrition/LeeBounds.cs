using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Attrition;

/// <summary>
/// Lee's (2009) trimming bounds on a treatment effect when attrition differs between the arms: under monotonicity
/// (treatment moves response in one direction for everyone), the group with the higher response rate has its observed
/// outcomes trimmed by p = (q_high − q_low)/q_high from the top or the bottom, and the bounds are the differences
/// between the trimmed and the untrimmed group's means. They bound the effect for the "always-responders".
/// <code>var lee = LeeBounds.Estimate(wellbeing, isTreated);   // wellbeing NaN for non-respondents</code>
/// </summary>
/// <remarks>
/// Trimming uses fractional weights, so exactly (1 − p)·m of the m respondents are kept even when that is not an
/// integer, and tied values at the cut are handled exactly. Standard errors are Lee's analytic ones (Proposition 3),
/// with plug-in moments: for the trimmed mean μ with cut ξ, Var = [σ²/(1 − p) + p(ξ − μ)²/(1 − p)]/m +
/// ((ξ − μ)/(1 − p))²·Var(p̂), Var(p̂) = (1 − p)²[(1 − q₁)/(n₁q₁) + (1 − q₀)/(n₀q₀)], plus the untrimmed mean's σ²/m.
/// ξ is the boundary value of the trimmed sample (the last value kept). Individuals are independent: clustering is not
/// accounted for.
/// </remarks>
public static class LeeBounds
{
    /// <summary>Estimates the bounds, their standard errors and confidence intervals.</summary>
    /// <param name="outcomes">Outcome of every randomised individual; NaN for those whose outcome is not observed (attrition).</param>
    /// <param name="treated">True for the treated, false for the controls (use the two arms compared only).</param>
    /// <param name="confidenceLevel">Level of the intervals, in (0, 1).</param>
    /// <exception cref="ArgumentException">Lengths differ, an infinite outcome, or a group with fewer than 2 respondents.</exception>
    public static LeeBoundsResult Estimate(IReadOnlyList<double> outcomes, IReadOnlyList<bool> treated, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(treated);
        if (outcomes.Count != treated.Count)
        {
            throw new ArgumentException(Invariant($"There are {outcomes.Count} outcomes but {treated.Count} treatment indicators."), nameof(treated));
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie in (0, 1).");
        }

        if (outcomes.Any(double.IsInfinity))
        {
            throw new ArgumentException("An outcome is infinite; use NaN for a missing outcome.", nameof(outcomes));
        }

        var n1 = treated.Count(t => t);
        var n0 = treated.Count - n1;
        var y1 = Respondents(outcomes, treated, true);
        var y0 = Respondents(outcomes, treated, false);
        var q1 = (double)y1.Length / n1;
        var q0 = (double)y0.Length / n0;
        var trimTreated = q1 >= q0;
        var (trimmed, kept) = trimTreated ? (y1, y0) : (y0, y1);
        // (1 − p)·m from the integer counts in one division, so that an integer number kept is exactly an integer.
        var keep = trimTreated ? (double)y0.Length * n1 / n0 : (double)y1.Length * n0 / n1;
        keep = Math.Min(keep, trimmed.Length);
        var p = (trimmed.Length - keep) / trimmed.Length;
        var varianceP = (1 - p) * (1 - p) * (((1 - q1) / (n1 * q1)) + ((1 - q0) / (n0 * q0)));

        var low = TrimmedMean.Of(trimmed, keep, fromTop: true);     // the smallest (1 − p)·m values
        var high = TrimmedMean.Of(trimmed, keep, fromTop: false);   // the largest (1 − p)·m values
        var keptMean = kept.Average();
        var keptVariance = kept.Sum(v => (v - keptMean) * (v - keptMean)) / kept.Length / kept.Length;
        double Variance(TrimmedMean t)
        {
            var slope = (t.Cut - t.Mean) / (1 - p);
            return ((t.Variance / (1 - p)) + (p * (t.Cut - t.Mean) * (t.Cut - t.Mean) / (1 - p))) / trimmed.Length + (slope * slope * varianceP) + keptVariance;
        }

        // Trimming the treated: lower = low − mean₀, upper = high − mean₀. Trimming the controls: lower = mean₁ − high, upper = mean₁ − low.
        var (lower, upper) = trimTreated ? (low.Mean - keptMean, high.Mean - keptMean) : (keptMean - high.Mean, keptMean - low.Mean);
        var (lowerSe, upperSe) = trimTreated ? (Math.Sqrt(Variance(low)), Math.Sqrt(Variance(high))) : (Math.Sqrt(Variance(high)), Math.Sqrt(Variance(low)));
        var critical = ImbensManskiCritical(upper - lower, Math.Max(lowerSe, upperSe), confidenceLevel);
        var z = Normal.InvCDF(0, 1, 0.5 + (confidenceLevel / 2));
        return new LeeBoundsResult(
            trimTreated ? TrimmedGroup.Treated : TrimmedGroup.Control, p, q1, q0, lower, upper, lowerSe, upperSe, confidenceLevel,
            new Interval(lower - (critical * lowerSe), upper + (critical * upperSe)), critical,
            new Interval(lower - (z * lowerSe), upper + (z * upperSe)), n1, n0, y1.Length, y0.Length);
    }

    /// <summary>C with Φ(C + Δ/σ) − Φ(−C) = level, which lies between the one- and two-sided normal quantiles.</summary>
    internal static double ImbensManskiCritical(double width, double sigma, double level)
    {
        var ratio = sigma > 0 ? width / sigma : double.PositiveInfinity;
        var oneSided = Normal.InvCDF(0, 1, level);
        var twoSided = Normal.InvCDF(0, 1, 0.5 + (level / 2));
        if (double.IsPositiveInfinity(ratio))
        {
            return oneSided;
        }

        double F(double c) => Normal.CDF(0, 1, c + ratio) - Normal.CDF(0, 1, -c) - level;
        return F(oneSided) >= 0 ? oneSided : Brent.FindRoot(F, oneSided, twoSided, 1e-14, 1000);
    }

    private static double[] Respondents(IReadOnlyList<double> outcomes, IReadOnlyList<bool> treated, bool group)
    {
        var values = outcomes.Where((v, i) => treated[i] == group && !double.IsNaN(v)).ToArray();
        if (values.Length < 2)
        {
            throw new ArgumentException(Invariant($"The {(group ? "treated" : "control")} group has {values.Length} respondents; Lee bounds need at least 2 in each group."), nameof(outcomes));
        }

        return values;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
