using System.Text.Json;
using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Randomisation;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Randomisation;

/// <summary>
/// Randomisation inference for one arm against control in a three-arm trial randomised within strata
/// (Fixtures/Randomisation/make_fixtures.R enumerates the same assignments in R, with Welch's t and lm_lin's HC2 t),
/// and its exactness: over all assignments of a tiny design, P(p ≤ u) ≤ u for every u.
/// </summary>
public sealed class ArmVersusControlTests
{
    private const int C = 0;
    private const int A = 1;
    private const int B = 2;

    private static readonly Lazy<JsonElement> Fixture = new(() => ReferenceFixture.Load("Randomisation", "arm_versus_control.json"));

    [Theory]
    [InlineData("welch")]
    [InlineData("lin_t")]
    [InlineData("lin_estimate")]
    public void Exact_distribution_matches_R(string statistic)
    {
        var f = Fixture.Value;
        var expected = f.GetProperty(statistic);

        var result = RandomisationTest.ArmVersusControl(Arms(), A, C, Statistic(statistic), new RandomisationOptions(Seed: 1, Strata: f.Strings("strata")));

        Assert.Equal(RandomisationMethod.Exact, result.Method);
        Assert.Equal((long)expected.Double("n_assignments"), result.AssignmentCount);
        AssertClose.Equal(expected.Double("observed"), result.Observed, 1e-10, 1e-12, "observed");
        AssertClose.Equal(expected.Doubles("distribution_sorted"), result.Distribution.Order().ToArray(), 1e-9, 1e-12, "distribution");
        AssertClose.Equal(expected.Double("two_sided"), result.PValue, 1e-12, 0, "p");
    }

    [Fact]
    public void Lin_statistic_equals_the_lin_adjustment_fit()
    {
        var f = Fixture.Value;
        var covariates = new DesignBuilder(17).Numeric("x", f.Doubles("x")).Build();
        var fit = LinAdjustment.Fit(f.Doubles("y"), f.Strings("arms"), "C", covariates, VarianceEstimator.HC2);

        AssertClose.Equal(fit.Effect("A").Statistic, Statistic("lin_t")(Arms()), 1e-10, 1e-12, "t");
        AssertClose.Equal(fit.Effect("A").Estimate, Statistic("lin_estimate")(Arms()), 1e-10, 1e-12, "estimate");
    }

    [Fact]
    public void Only_the_two_arms_move_and_keep_their_counts_within_strata()
    {
        var f = Fixture.Value;
        var arms = Arms();
        var strata = f.Strings("strata");
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var result = RandomisationTest.ArmVersusControl(arms, A, C, z =>
        {
            for (var i = 0; i < z.Length; i++)
            {
                Assert.Equal(arms[i] == B, z[i] == B);
            }

            foreach (var s in strata.Distinct())
            {
                Assert.Equal(Enumerable.Range(0, z.Length).Count(i => strata[i] == s && arms[i] == A), Enumerable.Range(0, z.Length).Count(i => strata[i] == s && z[i] == A));
            }

            seen.Add(string.Join(",", z));
            return 0;
        }, new RandomisationOptions(Seed: 1, Strata: strata));

        Assert.Equal(6 * 10 * 6, result.AssignmentCount);   // C(4,2)·C(5,2)·C(4,2)
        Assert.Equal(360, seen.Count);
    }

    [Theory]
    [InlineData("welch")]
    [InlineData("lin_t")]
    public void The_test_is_exact_over_all_assignments(string statistic)
    {
        var f = Fixture.Value;
        var options = new RandomisationOptions(Seed: 1, Strata: f.Strings("strata"));
        var all = new List<int[]>();
        RandomisationTest.ArmVersusControl(Arms(), A, C, z => { all.Add((int[])z.Clone()); return 0; }, options);
        all.RemoveAt(0); // the first call evaluates the observed assignment, the enumeration then includes it again

        // Treat each possible assignment as the realised one and compute its p-value under the same sharp null.
        var pValues = all.Select(z => RandomisationTest.ArmVersusControl(z, A, C, Statistic(statistic), options).PValue).ToArray();

        Assert.Equal(360, pValues.Length);
        foreach (var u in pValues.Distinct())
        {
            var share = pValues.Count(p => p <= u) / (double)pValues.Length;
            Assert.True(share <= u + 1e-12, FormattableString.Invariant($"P(p <= {u}) = {share} exceeds {u}"));
        }
    }

    [Fact]
    public void Monte_Carlo_draws_reproduce_and_approach_the_exact_p_value()
    {
        var f = Fixture.Value;
        var options = new RandomisationOptions(Seed: 20261201, Draws: 20_000, MaxExactAssignments: 1, Strata: f.Strings("strata"));

        var first = RandomisationTest.ArmVersusControl(Arms(), A, C, Statistic("lin_t"), options);
        var second = RandomisationTest.ArmVersusControl(Arms(), A, C, Statistic("lin_t"), options);

        Assert.Equal(RandomisationMethod.MonteCarlo, first.Method);
        Assert.Equal(first.Distribution, second.Distribution);
        var exact = f.GetProperty("lin_t").Double("two_sided");
        Assert.InRange(first.PValue, exact - (5 * Math.Sqrt(exact * (1 - exact) / 20_000)), exact + (5 * Math.Sqrt(exact * (1 - exact) / 20_000)));
    }

    [Fact]
    public void Arms_must_occur_and_differ()
    {
        Assert.Throws<ArgumentException>(() => RandomisationTest.ArmVersusControl(Arms(), A, A, Statistic("welch"), new RandomisationOptions(Seed: 1)));
        Assert.Throws<ArgumentException>(() => RandomisationTest.ArmVersusControl(Arms(), 7, C, Statistic("welch"), new RandomisationOptions(Seed: 1)));
    }

    private static int[] Arms() => Fixture.Value.Strings("arms").Select(a => a switch { "A" => A, "B" => B, _ => C }).ToArray();

    private static Func<int[], double> Statistic(string name)
    {
        var f = Fixture.Value;
        var covariates = new DesignBuilder(17).Numeric("x", f.Doubles("x")).Build();
        return name switch
        {
            "welch" => TestStatistics.Studentised(f.Doubles("y"), A, C),
            "lin_t" => TestStatistics.LinAdjusted(f.Doubles("y"), covariates, A, C),
            _ => TestStatistics.LinAdjusted(f.Doubles("y"), covariates, A, C, studentised: false),
        };
    }
}
