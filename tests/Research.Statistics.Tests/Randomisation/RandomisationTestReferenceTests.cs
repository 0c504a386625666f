using System.Text.Json;
using Research.Statistics.Randomisation;

namespace Research.Statistics.Tests.Randomisation;

/// <summary>
/// Exact randomisation p-values against brute-force enumeration in base R (Fixtures/Randomisation/make_fixtures.R):
/// complete, tied-outcome, stratified, cluster-randomised and clusters-within-strata designs, difference in means.
/// </summary>
public sealed class RandomisationTestReferenceTests
{
    public static TheoryData<string> Cases() => new(Load().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exact_enumeration_matches_R(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var y = c.Doubles("y");
        var assignment = c.Doubles("assignment").Select(a => (int)a).ToArray();

        foreach (var (alternative, key) in new[] { (Alternative.TwoSided, "two_sided"), (Alternative.Greater, "greater"), (Alternative.Less, "less") })
        {
            var result = RandomisationTest.Run(assignment, TestStatistics.DifferenceInMeans(y),
                new RandomisationOptions(Seed: 1, Alternative: alternative, Strata: Labels(c, "strata"), Clusters: Labels(c, "clusters")));

            Assert.Equal(RandomisationMethod.Exact, result.Method);
            Assert.Equal((long)c.Double("n_assignments"), result.AssignmentCount);
            AssertClose.Equal(c.Double("observed"), result.Observed, 1e-12, what: "observed");
            AssertClose.Equal(c.Doubles("distribution_sorted"), result.Distribution.Order().ToArray(), 1e-12, 1e-12, what: "distribution");
            AssertClose.Equal(c.Double(key), result.PValue, 1e-12, what: key);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Monte_Carlo_is_close_to_exact_and_reproducible(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var y = c.Doubles("y");
        var assignment = c.Doubles("assignment").Select(a => (int)a).ToArray();
        var options = new RandomisationOptions(Seed: 20261126, Draws: 20_000, MaxExactAssignments: 1, Strata: Labels(c, "strata"), Clusters: Labels(c, "clusters"));

        var first = RandomisationTest.Run(assignment, TestStatistics.DifferenceInMeans(y), options);
        var second = RandomisationTest.Run(assignment, TestStatistics.DifferenceInMeans(y), options);

        Assert.Equal(RandomisationMethod.MonteCarlo, first.Method);
        Assert.Equal(first.Distribution, second.Distribution);
        Assert.Equal((1.0 + first.ExtremeCount) / 20_001, first.PValue);
        var exact = c.Double("two_sided");
        Assert.InRange(first.PValue, exact - 5 * Math.Sqrt(exact * (1 - exact) / 20_000) - 1e-4, exact + 5 * Math.Sqrt(exact * (1 - exact) / 20_000) + 1e-4);
    }

    private static string[]? Labels(JsonElement c, string name) =>
        c.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? c.Strings(name) : null;

    private static JsonElement[] Load() => ReferenceFixture.Load("Randomisation", "randomisation_cases.json").EnumerateArray().ToArray();
}
