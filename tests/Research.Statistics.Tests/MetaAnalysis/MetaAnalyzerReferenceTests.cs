using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Tests.MetaAnalysis;

/// <summary>
/// Compares <see cref="MetaAnalyzer"/> with metafor 3.8 (rma, confint, predict, weights) on the cases written by
/// Fixtures/MetaAnalysis/make_fixtures.R: dat.bcg log risk ratios, k = 2 and k = 3 sets (heterogeneous and
/// homogeneous), a k = 6 set and identical estimates, each with FE, DL, REML, PM and the z and Knapp–Hartung tests.
/// </summary>
public sealed class MetaAnalyzerReferenceTests
{
    // Closed-form quantities (FE, DL, Q, weights) agree to rounding. REML, PM and the Q-profile limits are roots of
    // estimating equations: metafor was run with threshold = tol = 1e-13 and we solve with Brent to ~1e-15, so the
    // remaining gap is the conditioning of the equations (a few 1e-10 relative at worst), well inside 1e-8.
    private const double Tolerance = 1e-8;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in ReferenceFixture.Load("MetaAnalysis", "meta_cases.json").EnumerateArray())
        {
            data.Add(c.GetProperty("dataset").GetString()!, c.GetProperty("method").GetString()!, c.GetProperty("test").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_metafor(string dataset, string method, string test)
    {
        var c = ReferenceFixture.Load("MetaAnalysis", "meta_cases.json").EnumerateArray().Single(e =>
            e.GetProperty("dataset").GetString() == dataset && e.GetProperty("method").GetString() == method && e.GetProperty("test").GetString() == test);
        var studies = StudyEffects.FromVariances(c.Doubles("yi"), c.Doubles("vi"), c.Strings("labels"));

        var fit = MetaAnalyzer.Fit(studies, new MetaAnalysisOptions(ToMethod(method), test == "knha" ? PooledEstimateTest.KnappHartung : PooledEstimateTest.Normal));

        AssertClose.Equal(c.Double("estimate"), fit.Estimate, Tolerance, what: "estimate");
        AssertClose.Equal(c.Double("se"), fit.StandardError, Tolerance, what: "se");
        AssertClose.Equal(c.Double("statistic"), fit.Statistic, Tolerance, what: "statistic");
        AssertClose.Equal(c.Double("pval"), fit.PValue, Tolerance, what: "p");
        AssertClose.Equal(c.Double("ci_lb"), fit.ConfidenceInterval.Lower, Tolerance, what: "ci.lb");
        AssertClose.Equal(c.Double("ci_ub"), fit.ConfidenceInterval.Upper, Tolerance, what: "ci.ub");
        Assert.Equal(c.OptionalDouble("df"), fit.DegreesOfFreedom);
        AssertClose.Equal(c.Double("tau2"), fit.Heterogeneity.Tau2, Tolerance, what: "tau2");
        AssertClose.Equal(c.Double("q"), fit.Heterogeneity.Q, Tolerance, what: "Q");
        AssertClose.Equal(c.Double("q_pval"), fit.Heterogeneity.QPValue, Tolerance, what: "Q p");
        AssertClose.Equal(c.Double("i2"), fit.Heterogeneity.I2, Tolerance, what: "I2");
        AssertClose.Equal(c.Double("h2"), fit.Heterogeneity.H2, Tolerance, what: "H2");
        AssertClose.Equal(c.Doubles("weights"), fit.WeightsPercent, Tolerance, what: "weights");

        if (method == "FE")
        {
            Assert.Null(fit.PredictionInterval);
            Assert.Null(fit.HeterogeneityInterval);
            return;
        }

        AssertClose.Equal(c.Double("pi_lb"), fit.PredictionInterval!.Value.Lower, Tolerance, what: "pi.lb");
        AssertClose.Equal(c.Double("pi_ub"), fit.PredictionInterval!.Value.Upper, Tolerance, what: "pi.ub");
        var ci = fit.HeterogeneityInterval!;
        AssertClose.Equal(c.Double("tau2_lb"), ci.Tau2.Lower, Tolerance, what: "tau2.lb");
        AssertClose.Equal(c.Double("tau2_ub"), ci.Tau2.Upper, Tolerance, what: "tau2.ub");
        AssertClose.Equal(c.Double("i2_lb"), ci.I2.Lower, Tolerance, what: "I2.lb");
        AssertClose.Equal(c.Double("i2_ub"), ci.I2.Upper, Tolerance, what: "I2.ub");
        AssertClose.Equal(c.Double("h2_lb"), ci.H2.Lower, Tolerance, what: "H2.lb");
        AssertClose.Equal(c.Double("h2_ub"), ci.H2.Upper, Tolerance, what: "H2.ub");
    }

    internal static MetaAnalysisMethod ToMethod(string metaforName) => metaforName switch
    {
        "FE" => MetaAnalysisMethod.FixedEffect,
        "DL" => MetaAnalysisMethod.DerSimonianLaird,
        "REML" => MetaAnalysisMethod.RestrictedMaximumLikelihood,
        "PM" => MetaAnalysisMethod.PauleMandel,
        _ => throw new ArgumentOutOfRangeException(nameof(metaforName), metaforName, "Unknown metafor method."),
    };
}
