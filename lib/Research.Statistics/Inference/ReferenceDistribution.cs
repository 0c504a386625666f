using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Research.Statistics.Regression;

namespace Research.Statistics.Inference;

/// <summary>
/// Tail probabilities and quantiles of the t (normal when df = ∞), F and χ² reference distributions. Upper tails
/// are computed directly from the regularized incomplete beta/gamma functions, so tiny p-values keep their
/// relative accuracy instead of being 1 − (a number close to 1).
/// </summary>
public static class ReferenceDistribution
{
    /// <summary>Two-sided p-value of a t statistic with <paramref name="df"/> degrees of freedom (normal when infinite).</summary>
    public static double TwoSidedP(double statistic, double df)
    {
        CheckDf(df, nameof(df));
        var t = Math.Abs(statistic);
        if (double.IsPositiveInfinity(df))
        {
            return SpecialFunctions.Erfc(t / Constants.Sqrt2);
        }

        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
    }

    /// <summary>Upper quantile for a two-sided interval: the value q with P(|T| &gt; q) = 1 − <paramref name="level"/>.</summary>
    /// <exception cref="DegenerateModelException">The degrees of freedom are so small (a small-sample correction on a
    /// coefficient that almost no observation supports) that the quantile does not exist as a finite number.</exception>
    public static double CriticalValue(double level, double df)
    {
        CheckDf(df, nameof(df));
        var p = 0.5 + (level / 2);
        if (double.IsPositiveInfinity(df))
        {
            return Normal.InvCDF(0, 1, p);
        }

        try
        {
            return StudentT.InvCDF(0, 1, df, p);
        }
        catch (NonConvergenceException)
        {
            // MathNet's root search gives up where the quantile overflows: no interval a reader could use exists.
            throw new DegenerateModelException(string.Create(CultureInfo.InvariantCulture,
                $"{df:G4} degrees of freedom are too few for a {level:P0} t interval"));
        }
    }

    /// <summary>P(F(<paramref name="df1"/>, <paramref name="df2"/>) &gt; <paramref name="f"/>); df2 = ∞ gives χ²(df1)/df1.</summary>
    public static double UpperF(double f, double df1, double df2)
    {
        CheckDf(df1, nameof(df1));
        CheckDf(df2, nameof(df2));
        if (double.IsPositiveInfinity(df2))
        {
            return UpperChiSquare(f * df1, df1);
        }

        return f <= 0 ? 1 : SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + (df1 * f)));
    }

    /// <summary>P(χ²(<paramref name="df"/>) &gt; <paramref name="x"/>).</summary>
    public static double UpperChiSquare(double x, double df)
    {
        CheckDf(df, nameof(df));
        return x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);
    }

    private static void CheckDf(double df, string name)
    {
        if (!(df > 0))
        {
            throw new ArgumentOutOfRangeException(name, df, "Degrees of freedom must be positive.");
        }
    }
}
