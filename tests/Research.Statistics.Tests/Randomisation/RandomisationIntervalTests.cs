using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Randomisation;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Randomisation;

/// <summary>
/// The inverted randomisation test against the slow path it shortcuts: for every null value, its p-value is the
/// p-value of <see cref="RandomisationTest.ArmVersusControl"/> with Lin's studentised statistic on y − τ·s, with the
/// same assignments (exact enumeration and Monte Carlo with the same seed); the interval's limits are where that
/// p-value crosses α.
/// </summary>
public sealed class RandomisationIntervalTests
{
    private const int C = 0;
    private const int A = 1;
    private const int B = 2;

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.8)]
    [InlineData(true, -1.7)]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.35)]
    [InlineData(false, -0.2)]
    public void P_values_equal_the_slow_test_on_shifted_outcomes(bool exact, double tau)
    {
        var data = Data(exact ? 21 : 240, seed: exact ? 3 : 4, covariates: exact ? 1 : 2);
        var shift = data.Arms.Select(a => a == A ? 1.0 : 0.0).ToArray();
        var options = Options(data, exact);

        var fast = RandomisationInterval.ArmVersusControl(data.Y, shift, data.Covariates, data.Arms, A, C, options);
        var shifted = data.Y.Select((y, i) => y - (tau * shift[i])).ToArray();
        var slow = RandomisationTest.ArmVersusControl(data.Arms, A, C, TestStatistics.LinAdjusted(shifted, data.Covariates, A, C), options);

        Assert.Equal(exact ? RandomisationMethod.Exact : RandomisationMethod.MonteCarlo, fast.Method);
        Assert.Equal(slow.AssignmentCount, fast.AssignmentCount);
        Assert.Equal(slow.PValue, fast.PValue(tau), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.2)]
    public void Effect_on_the_treated_tests_the_itt_of_y_minus_tau_times_take_up(double tau)
    {
        var data = Data(240, seed: 5);
        var takeUp = data.Arms.Select((a, i) => a == A && i % 5 != 0 ? 1.0 : 0.0).ToArray();
        var options = Options(data, exact: false);

        var fast = RandomisationInterval.ArmVersusControl(data.Y, takeUp, data.Covariates, data.Arms, A, C, options);
        var shifted = data.Y.Select((y, i) => y - (tau * takeUp[i])).ToArray();
        var slow = RandomisationTest.ArmVersusControl(data.Arms, A, C, TestStatistics.LinAdjusted(shifted, data.Covariates, A, C), options);
        var itt = LinAdjustment.Fit(data.Y, Labels(data.Arms), "C", data.Covariates, VarianceEstimator.HC2).Effect("A").Estimate;
        // Nobody in control takes up, so the intercept's variance is zero (and its standard error undefined).
        var uptake = LinAdjustment.Fit(takeUp, Labels(data.Arms), "C", data.Covariates, VarianceEstimator.HC2,
            new LinOptions { Fit = new FitOptions { AllowUndefinedStandardErrors = true } }).Effect("A").Estimate;

        Assert.Equal(slow.PValue, fast.PValue(tau), 12);
        Assert.Equal(itt / uptake, fast.Estimate, 10);
    }

    [Fact]
    public void Estimate_and_statistic_are_lins_and_the_interval_limits_are_where_p_crosses_alpha()
    {
        var data = Data(240, seed: 6);
        var shift = data.Arms.Select(a => a == A ? 1.0 : 0.0).ToArray();

        var result = RandomisationInterval.ArmVersusControl(data.Y, shift, data.Covariates, data.Arms, A, C, Options(data, exact: false), level: 0.9);
        var lin = LinAdjustment.Fit(data.Y, Labels(data.Arms), "C", data.Covariates, VarianceEstimator.HC2).Effect("A");

        Assert.Equal(lin.Estimate, result.Estimate, 10);
        Assert.Equal(lin.StandardError, result.StandardError, 10);
        Assert.Equal(lin.Statistic, result.Statistic, 10);
        Assert.Equal(1.0, result.PValue(result.Estimate));
        var (low, high) = (result.ConfidenceInterval.Lower, result.ConfidenceInterval.Upper);
        Assert.True(low < result.Estimate && result.Estimate < high);
        var step = 1e-6 * result.StandardError;
        Assert.True(result.PValue(low + step) > 0.1 && result.PValue(low - step) <= 0.1);
        Assert.True(result.PValue(high - step) > 0.1 && result.PValue(high + step) <= 0.1);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Control_units_must_not_be_shifted()
    {
        var data = Data(40, seed: 7);
        var shift = data.Arms.Select(_ => 1.0).ToArray();

        Assert.Throws<ArgumentException>(() => RandomisationInterval.ArmVersusControl(data.Y, shift, data.Covariates, data.Arms, A, C, Options(data, exact: false)));
    }

    private static RandomisationOptions Options(Sample data, bool exact) =>
        new(Seed: 20261130, Draws: 199, MaxExactAssignments: exact ? 100_000 : 1, Strata: data.Strata);

    private static string[] Labels(int[] arms) => arms.Select(a => a switch { A => "A", B => "B", _ => "C" }).ToArray();

    /// <summary>Three arms in two strata, an effect of 0.5 in A, two covariates that predict the outcome.</summary>
    private static Sample Data(int n, int seed, int covariates = 2)
    {
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(seed);
        var arms = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        var strata = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "s1" : "s2").ToArray();
        var x1 = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var x2 = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (arms[i] == A ? 0.5 : 0) + x1[i] + (0.5 * x2[i]) + (0.8 * (random.NextDouble() - 0.5))).ToArray();
        var design = new DesignBuilder(n).Numeric("x1", x1);
        design = covariates > 1 ? design.Numeric("x2", x2) : design;
        return new Sample(y, arms, strata, design.Categorical("stratum", strata, "s1").Build());
    }

    private sealed record Sample(double[] Y, int[] Arms, string[] Strata, DesignMatrix Covariates);
}
