using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Tests.MetaAnalysis;

/// <summary>
/// Common-τ² moderator test against metafor <c>rma(mods = ~ factor(g))</c> (QM, QE, τ², I², H²) and
/// <c>rma(mods = ~ factor(g) - 1)</c> (group means, SEs, CIs): dat.bcg by allocation and a k = 6 set with a
/// single-study group, FE/DL/REML/PM with z and Knapp–Hartung tests (Fixtures/MetaAnalysis/make_fixtures.R).
/// </summary>
public sealed class ModeratorTestReferenceTests
{
    private const double Tolerance = 1e-8;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in ReferenceFixture.Load("MetaAnalysis", "meta_moderators.json").EnumerateArray())
        {
            data.Add(c.GetProperty("dataset").GetString()!, c.GetProperty("method").GetString()!, c.GetProperty("test").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_metafor_mixed_effects_model(string dataset, string method, string test)
    {
        var c = ReferenceFixture.Load("MetaAnalysis", "meta_moderators.json").EnumerateArray().Single(e =>
            e.GetProperty("dataset").GetString() == dataset && e.GetProperty("method").GetString() == method && e.GetProperty("test").GetString() == test);
        var studies = StudyEffects.FromVariances(c.Doubles("yi"), c.Doubles("vi"));
        var options = new MetaAnalysisOptions(MetaAnalyzerReferenceTests.ToMethod(method), test == "knha" ? PooledEstimateTest.KnappHartung : PooledEstimateTest.Normal);

        var result = SubgroupAnalyzer.CommonTau2(studies, c.Strings("moderator"), options);

        Assert.Equal(c.Strings("groups"), result.Groups);
        AssertClose.Equal(c.Doubles("estimate"), result.Estimates, Tolerance, what: "estimate");
        AssertClose.Equal(c.Doubles("se"), result.StandardErrors, Tolerance, what: "se");
        AssertClose.Equal(c.Doubles("ci_lb"), result.ConfidenceIntervals.Select(i => i.Lower).ToArray(), Tolerance, what: "ci.lb");
        AssertClose.Equal(c.Doubles("ci_ub"), result.ConfidenceIntervals.Select(i => i.Upper).ToArray(), Tolerance, what: "ci.ub");
        AssertClose.Equal(c.Double("qm"), result.Statistic, Tolerance, what: "QM");
        Assert.Equal((int)c.Double("qm_df1"), result.NumeratorDegreesOfFreedom);
        Assert.Equal(c.OptionalDouble("qm_df2"), result.DenominatorDegreesOfFreedom);
        AssertClose.Equal(c.Double("qm_pval"), result.PValue, Tolerance, what: "QM p");
        AssertClose.Equal(c.Double("tau2"), result.ResidualHeterogeneity.Tau2, Tolerance, what: "tau2");
        AssertClose.Equal(c.Double("qe"), result.ResidualHeterogeneity.Q, Tolerance, what: "QE");
        AssertClose.Equal(c.Double("qe_pval"), result.ResidualHeterogeneity.QPValue, Tolerance, what: "QE p");
        AssertClose.Equal(c.Double("i2"), result.ResidualHeterogeneity.I2, Tolerance, what: "I2");
        AssertClose.Equal(c.Double("h2"), result.ResidualHeterogeneity.H2, Tolerance, what: "H2");
    }

    [Fact]
    public void All_singleton_groups_leave_no_residual_degrees_of_freedom()
    {
        var studies = StudyEffects.FromVariances([0.1, 0.3], [0.01, 0.02]);

        var e = Assert.Throws<ArgumentException>(() => SubgroupAnalyzer.CommonTau2(studies, ["a", "b"]));
        var fixedEffect = SubgroupAnalyzer.CommonTau2(studies, ["a", "b"], new(MetaAnalysisMethod.FixedEffect));

        Assert.Contains("single study", e.Message);
        Assert.Equal(0, fixedEffect.ResidualHeterogeneity.DegreesOfFreedom);
        Assert.Equal([0.1, 0.3], fixedEffect.Estimates);
    }
}
