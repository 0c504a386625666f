using System.Text.Json;
using Research.Statistics.Design;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Tests.MetaAnalysis;

/// <summary>
/// The component meta-regression against <c>metafor::rma.mv</c> (Fixtures/MetaAnalysis/make_metaregression_fixtures.R):
/// 14 arms in 6 sites with shared-control covariance, four component moderators with and without intercept, REML with
/// a random effect per arm or per site, fixed effects, z and t tests, a homogeneous case with τ² = 0.
/// </summary>
public sealed class MetaRegressionReferenceTests
{
    private static readonly string[] Components = ["exemption", "coaching", "disregard", "bonus"];

    public static TheoryData<string> Cases() => new(Load().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_rma_mv(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var fit = Fit(c);
        var k = c.Doubles("yi").Length;

        AssertClose.Equal(c.Double("tau2"), fit.Tau2, 1e-8, 1e-15, "tau2 (REML root)");
        AssertClose.Equal(c.Double("tau2_metafor"), fit.Tau2, 1e-5, 1e-10, "tau2 (metafor's optimiser)");
        Assert.Equal(c.Double("tau2") == 0, fit.Tau2IsZero);
        for (var j = 0; j < fit.Coefficients.Count; j++)
        {
            var coefficient = fit.Coefficients[j];
            AssertClose.Equal(c.Doubles("estimate")[j], coefficient.Estimate, 1e-8, 1e-12, $"{coefficient.Name} estimate");
            AssertClose.Equal(c.Doubles("se")[j], coefficient.StandardError, 1e-8, 1e-14, $"{coefficient.Name} SE");
            AssertClose.Equal(c.Doubles("statistic")[j], coefficient.Statistic, 1e-8, 1e-10, $"{coefficient.Name} z/t");
            AssertClose.Equal(c.Doubles("p_value")[j], coefficient.PValue, 1e-8, 1e-14, $"{coefficient.Name} p");
            AssertClose.Equal(c.Doubles("ci_lb")[j], coefficient.ConfidenceLow, 1e-8, 1e-12, $"{coefficient.Name} CI low");
            AssertClose.Equal(c.Doubles("ci_ub")[j], coefficient.ConfidenceHigh, 1e-8, 1e-12, $"{coefficient.Name} CI high");
        }

        AssertClose.Equal(c.Double("QE"), fit.ResidualHeterogeneity, 1e-9, what: "QE");
        AssertClose.Equal(c.Double("QEp"), fit.ResidualHeterogeneityPValue, 1e-8, 1e-15, "QE p");
        Assert.Equal((int)c.Double("QE_df"), fit.ResidualDegreesOfFreedom);
        var moderators = fit.Moderators!;
        var t = c.GetProperty("test").GetString() == "t";
        AssertClose.Equal(c.Double("QM"), t ? moderators.F : moderators.ChiSquare, 1e-8, what: "QM");
        AssertClose.Equal(c.Double("QMp"), moderators.PValue, 1e-8, 1e-15, "QM p");
        Assert.Equal(c.GetProperty("QM_df")[0].GetDouble(), moderators.NumeratorDf);
        AssertClose.Equal(c.Double("loglik"), c.GetProperty("method").GetString() == "FE" ? fit.LogLikelihood : fit.RestrictedLogLikelihood, 1e-9, what: "log-likelihood");

        var newmods = c.Doubles("newmods");
        var intercept = c.GetProperty("intercept").GetBoolean();
        for (var r = 0; r < c.Doubles("pred").Length; r++)
        {
            var x = newmods.Skip(r * 4).Take(4).ToList();
            if (intercept)
            {
                x.Insert(0, 1);
            }

            var prediction = fit.Predict(x);
            AssertClose.Equal(c.Doubles("pred")[r], prediction.Estimate, 1e-8, 1e-12, $"prediction {r}");
            AssertClose.Equal(c.Doubles("pred_se")[r], prediction.StandardError, 1e-8, 1e-14, $"prediction {r} SE");
            AssertClose.Equal(c.Doubles("pred_ci_lb")[r], prediction.ConfidenceInterval.Lower, 1e-8, 1e-12, $"prediction {r} CI");
            AssertClose.Equal(c.Doubles("pred_ci_ub")[r], prediction.ConfidenceInterval.Upper, 1e-8, 1e-12, $"prediction {r} CI");
            AssertClose.Equal(c.Doubles("pred_pi_lb")[r], prediction.PredictionInterval.Lower, 1e-8, 1e-12, $"prediction {r} PI");
            AssertClose.Equal(c.Doubles("pred_pi_ub")[r], prediction.PredictionInterval.Upper, 1e-8, 1e-12, $"prediction {r} PI");
            Assert.Equal(fit.Tau2IsZero, prediction.EqualsConfidenceInterval);
            Assert.Equal(fit.Tau2IsZero, prediction.PredictionInterval == prediction.ConfidenceInterval);
        }

        Assert.Equal(k, fit.ResidualDegreesOfFreedom + fit.Coefficients.Count);
    }

    [Fact]
    public void The_homogeneous_case_has_tau2_zero_and_says_so()
    {
        var fit = Fit(Load().Single(e => e.GetProperty("name").GetString() == "homogeneous_reml_z"));

        Assert.True(fit.Tau2IsZero);
        Assert.Contains("prediction intervals equal confidence intervals", fit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_covariance_that_is_not_positive_definite_is_rejected()
    {
        var moderators = new DesignBuilder(2).Intercept().Build();
        var e = Assert.Throws<ArgumentException>(() => MetaRegression.Fit([0.1, 0.2], new double[,] { { 1e-4, 2e-4 }, { 2e-4, 1e-4 } }, moderators, new MetaRegressionOptions(MetaAnalysisMethod.FixedEffect)));

        Assert.Contains("not positive definite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inflation_factors_follow_their_definitions()
    {
        AssertClose.Equal(5.0 / 3.0, SmallSampleInflation.Factor(5, VarianceInflation.StudentTVariance), 1e-15);
        AssertClose.Equal(Math.Pow(2.570581835636314 / 1.959963984540054, 2), SmallSampleInflation.Factor(5, VarianceInflation.StudentTQuantile), 1e-12);
        Assert.Equal(1, SmallSampleInflation.Factor(double.PositiveInfinity, VarianceInflation.StudentTQuantile));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallSampleInflation.Factor(2, VarianceInflation.StudentTVariance));

        // With quantile matching, the pooled analysis sees each site's own t interval as its normal interval.
        var studies = StudyEffects.FromStandardErrors([0.05, 0.02], [0.03, 0.01], ["a", "b"]);
        var inflated = SmallSampleInflation.Inflate(studies, [4.2, 11.5], VarianceInflation.StudentTQuantile);
        var rows = MetaAnalyzer.Fit(inflated).ForestPlot().Studies;
        AssertClose.Equal(0.05 - (MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 4.2, 0.975) * 0.03), rows[0].ConfidenceInterval.Lower, 1e-12);
        var matrix = SmallSampleInflation.Inflate(new double[,] { { 4e-4, 1e-4 }, { 1e-4, 2e-4 } }, [5, 9], VarianceInflation.StudentTVariance);
        AssertClose.Equal(1e-4 * Math.Sqrt(5.0 / 3 * 9.0 / 7), matrix[0, 1], 1e-14);
    }

    private static MetaRegressionResult Fit(JsonElement c)
    {
        var k = c.Doubles("yi").Length;
        var builder = new DesignBuilder(k);
        if (c.GetProperty("intercept").GetBoolean())
        {
            builder.Intercept();
        }

        var moderators = c.GetProperty("moderators");
        foreach (var component in Components)
        {
            builder.Numeric(component, moderators.Doubles(component));
        }

        var flat = c.Doubles("V");
        var v = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                v[i, j] = flat[(j * k) + i];   // R writes column-major
            }
        }

        var options = new MetaRegressionOptions(
            c.GetProperty("method").GetString() == "FE" ? MetaAnalysisMethod.FixedEffect : MetaAnalysisMethod.RestrictedMaximumLikelihood,
            c.GetProperty("test").GetString() == "t" ? MetaRegressionTest.StudentT : MetaRegressionTest.Normal,
            RandomEffectGroups: c.GetProperty("random").GetString() == "site" ? c.Strings("groups") : null);
        return MetaRegression.Fit(c.Doubles("yi"), v, builder.Build(), options);
    }

    private static JsonElement[] Load() => ReferenceFixture.Load("MetaAnalysis", "metaregression_cases.json").EnumerateArray().ToArray();
}
