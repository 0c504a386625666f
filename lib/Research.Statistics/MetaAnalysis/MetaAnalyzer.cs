using MathNet.Numerics.Distributions;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Fixed- and random-effects meta-analysis of one effect per study (inverse-variance weighting), reproducing
/// metafor's <c>rma</c> for the intercept-only model, with <c>confint</c> (Q-profile) and <c>predict</c>.
/// </summary>
public static class MetaAnalyzer
{
    /// <summary>Pools the studies.</summary>
    /// <param name="studies">Effect estimates and sampling variances.</param>
    /// <param name="options">Method, test and level; <see cref="MetaAnalysisOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">
    /// A random-effects model or Knapp–Hartung test with a single study (τ² and the t degrees of freedom are undefined),
    /// or the plain Knapp–Hartung test when all estimates coincide (its variance factor is 0; use
    /// <see cref="PooledEstimateTest.KnappHartungTruncated"/> or the normal test).
    /// </exception>
    /// <exception cref="MathNet.Numerics.NonConvergenceException">An iterative τ² estimator failed to converge.</exception>
    public static MetaAnalysisResult Fit(StudyEffects studies, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        options ??= MetaAnalysisOptions.Default;
        options.Validate();
        var k = studies.Count;
        var randomEffects = options.Method != MetaAnalysisMethod.FixedEffect;
        if (k < 2 && randomEffects)
        {
            throw new ArgumentException($"A random-effects meta-analysis ({options.Method}) needs at least 2 studies to estimate tau^2; got 1 (\"{studies.Labels[0]}\"). Use the fixed-effect method or report the single study.", nameof(studies));
        }

        if (k < 2 && options.Test != PooledEstimateTest.Normal)
        {
            throw new ArgumentException("The Knapp-Hartung test needs at least 2 studies (it has k - 1 degrees of freedom); got 1.", nameof(studies));
        }

        var model = PoolingModel.InterceptOnly(studies);
        var tau2 = Tau2Estimator.Estimate(model, options.Method);
        var pool = model.Pool(tau2);
        var variance = 1 / pool.SumWeight;
        int? df = null;
        double critical;
        Func<double, double> twoSidedP;
        if (options.Test == PooledEstimateTest.Normal)
        {
            critical = Normal.InvCDF(0, 1, 0.5 + options.ConfidenceLevel / 2);
            twoSidedP = s => 2 * Normal.CDF(0, 1, -Math.Abs(s));
        }
        else
        {
            variance *= MetaAnalysisStatistics.KnappHartungFactor(pool, k - 1, options.Test);
            df = k - 1;
            critical = StudentT.InvCDF(0, 1, k - 1, 0.5 + options.ConfidenceLevel / 2);
            twoSidedP = s => 2 * StudentT.CDF(0, 1, k - 1, -Math.Abs(s));
        }

        var se = Math.Sqrt(variance);
        var statistic = pool.Mean / se;
        var heterogeneity = MetaAnalysisStatistics.Heterogeneity(model, options.Method, tau2);
        var weights = studies.Variances.Select(v => 100 / (v + tau2) / pool.SumWeight).ToArray();
        HeterogeneityInterval? tau2Interval = null;
        Interval? prediction = null;
        if (randomEffects)
        {
            tau2Interval = MetaAnalysisStatistics.QProfile(model, heterogeneity.TypicalWithinStudyVariance, options.ConfidenceLevel);
            var halfWidth = critical * Math.Sqrt(variance + tau2);
            prediction = new Interval(pool.Mean - halfWidth, pool.Mean + halfWidth);
        }

        return new MetaAnalysisResult(
            options, studies, pool.Mean, se, statistic, df, twoSidedP(statistic),
            new Interval(pool.Mean - critical * se, pool.Mean + critical * se),
            heterogeneity, tau2Interval, prediction, weights);
    }
}
