using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Tests.MetaAnalysis;

/// <summary>
/// Subgroups of dat.bcg by allocation (alternate k = 2, random k = 7, systematic k = 4) against separate metafor fits
/// and the fixed-effect Q over the subgroup estimates (Fixtures/MetaAnalysis/make_fixtures.R).
/// </summary>
public sealed class SubgroupAnalysisReferenceTests
{
    [Theory]
    [InlineData("FE")]
    [InlineData("DL")]
    [InlineData("REML")]
    [InlineData("PM")]
    public void Matches_separate_metafor_fits_and_Q_between(string method)
    {
        var c = ReferenceFixture.Load("MetaAnalysis", "meta_subgroups.json").EnumerateArray().Single(e => e.GetProperty("method").GetString() == method);
        var studies = StudyEffects.FromVariances(c.Doubles("yi"), c.Doubles("vi"), c.Strings("labels"));

        var result = SubgroupAnalyzer.Separate(studies, c.Strings("moderator"), new MetaAnalysisOptions(MetaAnalyzerReferenceTests.ToMethod(method)));

        Assert.Equal(c.Strings("groups"), result.Subgroups.Select(s => s.Name));
        Assert.Equal(c.Doubles("k"), result.Subgroups.Select(s => (double)s.Fit.K));
        AssertClose.Equal(c.Doubles("estimate"), result.Subgroups.Select(s => s.Fit.Estimate).ToArray(), what: "estimate");
        AssertClose.Equal(c.Doubles("se"), result.Subgroups.Select(s => s.Fit.StandardError).ToArray(), what: "se");
        AssertClose.Equal(c.Doubles("ci_lb"), result.Subgroups.Select(s => s.Fit.ConfidenceInterval.Lower).ToArray(), what: "ci.lb");
        AssertClose.Equal(c.Doubles("ci_ub"), result.Subgroups.Select(s => s.Fit.ConfidenceInterval.Upper).ToArray(), what: "ci.ub");
        AssertClose.Equal(c.Doubles("tau2"), result.Subgroups.Select(s => s.Fit.Heterogeneity.Tau2).ToArray(), what: "tau2");
        AssertClose.Equal(c.Double("q_between"), result.QBetween, what: "Q between");
        Assert.Equal((int)c.Double("q_between_df"), result.DegreesOfFreedom);
        AssertClose.Equal(c.Double("q_between_pval"), result.PValue, what: "Q between p");
        Assert.Equal(studies.Count, result.Overall.K);
    }

    [Fact]
    public void Single_study_subgroup_under_random_effects_is_named()
    {
        var studies = StudyEffects.FromVariances([0.1, 0.2, 0.4], [0.01, 0.02, 0.03], ["A", "B", "C"]);

        var e = Assert.Throws<ArgumentException>(() => SubgroupAnalyzer.Separate(studies, ["cash", "cash", "coaching"]));

        Assert.Contains("\"coaching\"", e.Message);
        Assert.Contains("at least 2 studies", e.Message);
    }

    [Fact]
    public void One_moderator_value_is_rejected()
    {
        var studies = StudyEffects.FromVariances([0.1, 0.2], [0.01, 0.02]);

        var e = Assert.Throws<ArgumentException>(() => SubgroupAnalyzer.Separate(studies, ["cash", "cash"]));

        Assert.Contains("at least two moderator values", e.Message);
    }
}
