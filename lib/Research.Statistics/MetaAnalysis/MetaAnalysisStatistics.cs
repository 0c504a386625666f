using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Research.Statistics.MetaAnalysis;

/// <summary>Heterogeneity, Knapp–Hartung and Q-profile computations shared by the pooled and the moderator analyses.</summary>
internal static class MetaAnalysisStatistics
{
    private const double RMachineEpsilon = 2.220446049250313e-16;

    /// <summary>q = Σwᵢ(yᵢ − μ̂)²/(k − p), truncated below at 1 for the ad hoc variant.</summary>
    public static double KnappHartungFactor(InverseVariancePool pool, int residualDf, PooledEstimateTest test)
    {
        var q = pool.WeightedResidualSquares / residualDf;
        if (test == PooledEstimateTest.KnappHartungTruncated)
        {
            return Math.Max(1, q);
        }
        // metafor's cut-off (.Machine$double.eps) for a zero residual; it would then report SE = 0 and p = 0.
        if (pool.WeightedResidualSquares <= RMachineEpsilon)
        {
            throw new ArgumentException("The Knapp-Hartung variance factor is 0 because the study estimates have no residual variation (all identical, or identical within each moderator group), which would give a zero-width interval. Use PooledEstimateTest.KnappHartungTruncated or PooledEstimateTest.Normal.", "studies");
        }

        return q;
    }

    public static Heterogeneity Heterogeneity(PoolingModel model, MetaAnalysisMethod method, double tau2)
    {
        var df = model.ResidualDegreesOfFreedom;
        if (df == 0)
        {
            return new Heterogeneity(0, 0, 1, 0, 0, 1, 0);
        }

        var fixedPool = model.Pool(0);
        var q = fixedPool.WeightedResidualSquares;
        var pValue = UpperTailChiSquare(df, q);
        var typicalVariance = df / fixedPool.TraceP;
        if (method == MetaAnalysisMethod.FixedEffect)
        {
            var i2 = q > 0 ? Math.Max(0, 100 * (q - df) / q) : 0;
            return new Heterogeneity(q, df, pValue, 0, i2, q / df, typicalVariance);
        }

        return new Heterogeneity(q, df, pValue, tau2, 100 * tau2 / (typicalVariance + tau2), 1 + tau2 / typicalVariance, typicalVariance);
    }

    // 1 − CDF would lose all precision in the far tail (Q of 150 on 12 df has p ≈ 2e-26).
    public static double UpperTailChiSquare(int df, double x) => SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2);

    public static HeterogeneityInterval QProfile(PoolingModel model, double typicalVariance, double level)
    {
        var df = model.ResidualDegreesOfFreedom;
        var alpha = 1 - level;
        var lower = Tau2Estimator.SolveGeneralisedQ(model, ChiSquared.InvCDF(df, 1 - alpha / 2), "Q-profile equation for the lower tau^2 limit");
        var upper = Tau2Estimator.SolveGeneralisedQ(model, ChiSquared.InvCDF(df, alpha / 2), "Q-profile equation for the upper tau^2 limit");
        double I2(double t) => 100 * t / (typicalVariance + t);
        double H2(double t) => 1 + t / typicalVariance;
        return new HeterogeneityInterval(level, new Interval(lower, upper), new Interval(I2(lower), I2(upper)), new Interval(H2(lower), H2(upper)));
    }
}
