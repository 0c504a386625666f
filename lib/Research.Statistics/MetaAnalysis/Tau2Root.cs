using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Research.Statistics.MetaAnalysis;

/// <summary>The root finder shared by the τ² estimators of the pooled analyses and of the meta-regression.</summary>
internal static class Tau2Root
{
    // Roots are refined to near machine precision; metafor's default REML threshold (1e-5) is far looser.
    private const double RootAccuracy = 1e-15;
    private const int MaxRootIterations = 1000;

    /// <summary>
    /// Root of a function of τ² that is positive at 0 and negative for large τ² (0 if not positive at 0), bracketed by
    /// doubling, so the smallest positive root is found. The search runs on τ²/<paramref name="scale"/> (the mean
    /// sampling variance), so that the accuracy is relative to the data's scale (proportions, log ratios and euros alike).
    /// </summary>
    public static double SolveDecreasingFromZero(Func<double, double> f, double scale, string what)
    {
        if (f(0) <= 0)
        {
            return 0;
        }

        double Scaled(double t) => f(t * scale);
        double lower = 0, upper = 1;
        var doublings = 0;
        while (Scaled(upper) > 0)
        {
            lower = upper;
            upper *= 2;
            if (++doublings > 1000)
            {
                throw new NonConvergenceException(string.Create(CultureInfo.InvariantCulture, $"Could not bracket the root of the {what}: it stays positive up to tau^2 = {upper * scale:R}."));
            }
        }

        try
        {
            return scale * Brent.FindRoot(Scaled, lower, upper, RootAccuracy, MaxRootIterations);
        }
        catch (NonConvergenceException e)
        {
            throw new NonConvergenceException(string.Create(CultureInfo.InvariantCulture, $"The {what} did not converge for tau^2 in [{lower * scale:R}, {upper * scale:R}] within {MaxRootIterations} Brent iterations."), e);
        }
    }
}
