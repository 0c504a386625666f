using Research.Statistics.Randomisation;

namespace Research.Statistics.Tests.Randomisation;

public sealed class RandomisationTestTests
{
    private static readonly double[] Y = [3.1, 4.7, 2.2, 5.9, 6.3, 1.8, 7.4, 5.0, 2.9, 4.1];

    [Fact]
    public void Different_seeds_give_different_draws()
    {
        int[] z = [1, 0, 0, 1, 1, 0, 1, 0, 1, 0];
        var a = RandomisationTest.Run(z, TestStatistics.DifferenceInMeans(Y), new(Seed: 1, Draws: 200, MaxExactAssignments: 1));
        var b = RandomisationTest.Run(z, TestStatistics.DifferenceInMeans(Y), new(Seed: 2, Draws: 200, MaxExactAssignments: 1));

        Assert.NotEqual(a.Distribution, b.Distribution);
    }

    [Fact]
    public void Permutations_keep_arm_counts_within_strata_and_clusters_whole()
    {
        int[] z = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0];
        string[] strata = ["a", "a", "a", "a", "a", "a", "b", "b", "b", "b"];
        string[] clusters = ["k1", "k1", "k2", "k2", "k3", "k4", "k5", "k5", "k6", "k6"];

        RandomisationTest.Run(z, s =>
        {
            Assert.Equal(s[0], s[1]);
            Assert.Equal(s[2], s[3]);
            Assert.Equal(s[6], s[7]);
            Assert.Equal(s[8], s[9]);
            Assert.Equal(2, s[0] + s[2] + s[4] + s[5]); // two of the four clusters in stratum a
            Assert.Equal(1, s[6] + s[8]); // one of the two clusters in stratum b
            return 0;
        }, new(Seed: 7, Draws: 500, MaxExactAssignments: 1, Strata: strata, Clusters: clusters));
    }

    [Fact]
    public void Exact_enumeration_visits_each_assignment_once()
    {
        int[] z = [1, 1, 0, 0, 0, 2];
        var seen = new HashSet<string>();
        var calls = 0;

        // The first call is the observed assignment; the enumeration that follows includes it once more.
        var result = RandomisationTest.Run(z, s => { Assert.True(calls++ == 0 || seen.Add(string.Join(",", s))); return s[0]; }, new(Seed: 1));

        Assert.Equal(60, result.AssignmentCount); // 6! / (2! 3! 1!)
        Assert.Equal(60, seen.Count);
    }

    [Fact]
    public void Cluster_split_across_arms_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            RandomisationTest.Run([1, 0, 0, 1], s => 0, new(Seed: 1, Clusters: ["a", "a", "b", "b"])));

        Assert.Contains("Cluster \"a\" has individuals in different arms", e.Message);
    }

    [Fact]
    public void Non_finite_statistic_names_the_draw()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            RandomisationTest.Run([1, 0, 1, 0], s => s[0] == 1 ? 1 : double.NaN, new(Seed: 1)));

        Assert.Contains("enumerated assignment", e.Message);
    }

    [Fact]
    public void Difference_in_means_rejects_missing_outcomes_and_ignores_other_arms()
    {
        var e = Assert.Throws<ArgumentException>(() => TestStatistics.DifferenceInMeans([1, double.NaN]));
        var statistic = TestStatistics.DifferenceInMeans([1, 2, 10, 4]);

        Assert.Contains("Outcome 1 is NaN", e.Message);
        Assert.Equal(2 - (1 + 4) / 2.0, statistic([0, 1, 2, 0]), 15); // treated {2}, control {1, 4}, arm 2 ignored
    }

    [Fact]
    public void Single_arm_design_is_rejected() =>
        Assert.Throws<ArgumentException>(() => RandomisationTest.Run([1, 1, 1], s => 0, new(Seed: 1)));
}
