using System.Text.Json;
using Research.Statistics.Survival;

namespace Research.Statistics.Tests.Survival;

/// <summary>
/// The cluster-robust score test against <c>survival::coxph(... + cluster())$rscore</c> and the cluster-collapsed score
/// residuals at β = 0 (Fixtures/Survival/make_clustered_fixtures.R): monthly times with many ties and caseworker
/// frailties, a small example, and one cluster per person; Breslow and Efron ties.
/// </summary>
public sealed class ClusteredLogRankReferenceTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Load())
        {
            data.Add(c.GetProperty("name").GetString()!, c.GetProperty("ties").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Robust_score_test_matches_coxph(string name, string ties)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name && e.GetProperty("ties").GetString() == ties);

        var r = ClusteredLogRankTest.Compute(c.Doubles("time"), c.Doubles("status").Select(s => s == 1).ToArray(), c.Strings("group"), c.Strings("cluster"),
            ties == "efron" ? CoxTies.Efron : CoxTies.Breslow);

        AssertClose.Equal(c.Doubles("score"), r.Score, 1e-10, 1e-12, "score");
        AssertClose.Equal(c.Doubles("robust_variance"), r.RobustVariance.SelectMany(row => row).ToArray(), 1e-10, 1e-12, "robust variance");
        AssertClose.Equal(c.Double("rscore"), r.ChiSquare, 1e-9, what: "robust chi-square");
        AssertClose.Equal(c.Double("p_value"), r.PValue, 1e-9, what: "p");
        Assert.Equal((int)c.Double("df"), r.DegreesOfFreedom);
        Assert.Equal((int)c.Double("clusters"), r.ClusterCount);
        AssertClose.Equal(c.Double("logrank_chisq"), r.Unadjusted.ChiSquare, 1e-10, what: "unadjusted log-rank");
    }

    [Fact]
    public void Breslow_score_is_observed_minus_expected()
    {
        var c = Load().First(e => e.GetProperty("name").GetString() == "monthly");
        var r = ClusteredLogRankTest.Compute(c.Doubles("time"), c.Doubles("status").Select(s => s == 1).ToArray(), c.Strings("group"), c.Strings("cluster"));

        for (var g = 1; g < r.Groups.Count; g++)
        {
            AssertClose.Equal(r.Unadjusted.Groups[g].Observed - r.Unadjusted.Groups[g].Expected, r.Score[g - 1], 1e-10, 1e-12, r.Groups[g]);
        }

        Assert.Contains(r.Notes, n => n.Contains("Only 12 clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void One_cluster_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ClusteredLogRankTest.Compute([1, 2, 3, 4], [true, true, false, true], ["a", "a", "b", "b"], ["k", "k", "k", "k"]));

        Assert.Contains("at least two clusters", e.Message, StringComparison.Ordinal);
    }

    private static JsonElement[] Load() => ReferenceFixture.Load("Survival", "clustered_logrank_cases.json").EnumerateArray().ToArray();
}
