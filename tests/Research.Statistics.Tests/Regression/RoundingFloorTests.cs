using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// A variance that is zero in exact arithmetic comes out as ±1e-21 or so, its sign set by the order of the arithmetic:
/// it must count as zero whatever that order, so whether a standard error exists is the data's decision.
/// </summary>
public sealed class RoundingFloorTests
{
    private static readonly Dataset D = RegressionFixtures.Load("unbalanced");

    public static TheoryData<string> Estimators() => ["HC2", "CR2"];

    [Theory]
    [MemberData(nameof(Estimators))]
    public void The_intercept_of_an_outcome_constant_in_control_has_no_standard_error_in_any_row_order(string se)
    {
        // y ~ arm: the intercept is the control mean, and every control residual is exactly zero.
        var y = D.Y.Select((v, i) => D.Arm[i] == "control" ? 0.0 : v).ToArray();
        foreach (var order in new[] { Enumerable.Range(0, D.Count).ToArray(), Enumerable.Range(0, D.Count).Reverse().ToArray() })
        {
            var arms = order.Select(i => D.Arm[i]).ToArray();
            var design = new DesignBuilder(D.Count).Intercept().Treatment("arm", arms, reference: "control").Build();
            var variance = se == "CR2" ? VarianceEstimator.CR2([.. order.Select(i => D.Cluster[i])]) : VarianceEstimator.HC2;
            var outcome = order.Select(i => y[i]).ToArray();

            var fit = LinearModel.Fit(outcome, design, variance, new FitOptions { AllowUndefinedStandardErrors = true });
            Assert.True(double.IsNaN(fit["(Intercept)"].StandardError));
            Assert.Contains(fit.Notes, n => n.Contains("'(Intercept)' is zero up to rounding", StringComparison.Ordinal));
            Assert.All(fit.Coefficients.Where(c => c.Name != "(Intercept)"), c => Assert.True(c.StandardError > 1e-3, c.Name));

            var error = Assert.Throws<DegenerateModelException>(() => LinearModel.Fit(outcome, design, variance));
            Assert.Contains("'(Intercept)' is zero up to rounding", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unweighted_CR2_equals_the_weighted_algorithm_with_unit_weights()
    {
        // Clusters of 1 to 60 rows: both ways of the unweighted adjustment (n_g ≤ k and n_g > k) against the general one.
        var design = D.OlsDesign();
        var variance = VarianceEstimator.CR2(D.Cluster);
        var unweighted = LinearModel.Fit(D.Y, design, variance);
        var unit = LinearModel.Fit(D.Y, design, variance, new FitOptions { Weights = [.. D.Y.Select(_ => 1.0)] });
        foreach (var c in unit.Coefficients)
        {
            RegressionFixtures.Close(c.StandardError, unweighted[c.Name].StandardError, 1e-10, c.Name + " se");
            RegressionFixtures.Close(c.DegreesOfFreedom, unweighted[c.Name].DegreesOfFreedom, 1e-10, c.Name + " df");
        }
    }
}
