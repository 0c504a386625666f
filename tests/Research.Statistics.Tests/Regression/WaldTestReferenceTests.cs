using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>Wald tests against car::linearHypothesis on lm_robust fits (make_fixtures.R).</summary>
public sealed class WaldTestReferenceTests
{
    [Theory]
    [MemberData(nameof(RegressionFixtures.DatasetVarianceCases), MemberType = typeof(RegressionFixtures))]
    public void Joint_tests_of_the_arms_match_car(string dataset, string se)
    {
        var d = RegressionFixtures.Load(dataset);
        var fit = LinearModel.Fit(d.Y, d.OlsDesign(), LinearModelReferenceTests.Estimator(se, d));
        double Ref(string q) => RegressionFixtures.Scalar(dataset, "ols", se, q);

        var zero = WaldTest.AllZero(fit, "arm[A]", "arm[B]");
        RegressionFixtures.Close(Ref("wald_arms_zero_F"), zero.F, 1e-8, "F arms zero");
        RegressionFixtures.Close(Ref("wald_arms_zero_p"), zero.PValue, 1e-8, "p arms zero");
        RegressionFixtures.Close(Ref("wald_arms_zero_chisq"), zero.ChiSquare, 1e-8, "chi2 arms zero");
        RegressionFixtures.Close(Ref("wald_arms_zero_chisq_p"), zero.ChiSquarePValue, 1e-8, "chi2 p arms zero");
        Assert.Equal(2, zero.NumeratorDf);

        var equal = WaldTest.AllEqual(fit, "arm[A]", "arm[B]");
        RegressionFixtures.Close(Ref("wald_arms_equal_F"), equal.F, 1e-8, "F arms equal");
        RegressionFixtures.Close(Ref("wald_arms_equal_p"), equal.PValue, 1e-8, "p arms equal");
    }

    [Fact]
    public void A_design_term_is_tested_through_its_columns()
    {
        var d = RegressionFixtures.Load("balanced");
        var design = d.OlsDesign();
        var fit = LinearModel.Fit(d.Y, design, VarianceEstimator.CR2(d.Cluster));
        var byTerm = WaldTest.AllZero(fit, design.Term("arm"));
        RegressionFixtures.Close(RegressionFixtures.Scalar("balanced", "ols", "CR2", "wald_arms_zero_F"), byTerm.F, 1e-8, "F");
        Assert.Equal("all arm coefficients = 0", byTerm.Hypothesis);
    }

    [Fact]
    public void Single_restriction_F_equals_squared_t()
    {
        var d = RegressionFixtures.Load("balanced");
        var fit = LinearModel.Fit(d.Y, d.OlsDesign(), VarianceEstimator.HC1);
        var test = WaldTest.AllZero(fit, "age");
        RegressionFixtures.Close(fit["age"].Statistic * fit["age"].Statistic, test.F, 1e-12, "F = t²");
        RegressionFixtures.Close(fit["age"].PValue, test.PValue, 1e-10, "p");
    }

    [Fact]
    public void Redundant_restrictions_are_reported()
    {
        var d = RegressionFixtures.Load("balanced");
        var fit = LinearModel.Fit(d.Y, d.OlsDesign(), VarianceEstimator.HC1);
        var error = Assert.Throws<DegenerateModelException>(() => WaldTest.AllZero(fit, "age", "age"));
        Assert.Contains("singular", error.Message, StringComparison.Ordinal);
    }
}
