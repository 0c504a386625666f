using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>TOT by 2SLS against estimatr::iv_robust(y ~ takeA + takeB + age + education | arm + age + education), unweighted and weighted.</summary>
public sealed class InstrumentalVariablesReferenceTests
{
    [Theory]
    [MemberData(nameof(RegressionFixtures.DatasetVarianceCases), MemberType = typeof(RegressionFixtures))]
    public void Treatment_on_treated_matches_iv_robust(string dataset, string se)
    {
        var fit = Check(dataset, se, weighted: false);
        Assert.Equal(["takeup[A]", "takeup[B]"], fit.Endogenous);
        Assert.StartsWith("2SLS for y: instrumented takeup[A], takeup[B] by arm[A], arm[B]", fit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("balanced", "HC1")]
    [InlineData("balanced", "HC2")]
    [InlineData("balanced", "CR1")]
    [InlineData("balanced", "CR2")]
    [InlineData("unbalanced", "classical")]
    [InlineData("unbalanced", "HC3")]
    [InlineData("unbalanced", "CR0")]
    [InlineData("unbalanced", "CR2")]
    public void Weighted_treatment_on_treated_matches_iv_robust(string dataset, string se) => Check(dataset, se, weighted: true);

    private static InstrumentalVariablesResult Check(string dataset, string se, bool weighted)
    {
        var d = RegressionFixtures.Load(dataset);
        var covariates = new DesignBuilder(d.Count).Intercept().Numeric("age", d.Age).Categorical("education", d.Education, reference: "low").Build();
        var options = weighted ? new FitOptions { Weights = d.W } : FitOptions.Default;
        var fit = TreatmentOnTreated.Fit(d.Y, d.Arm, "control", d.Takeup, covariates, LinearModelReferenceTests.Estimator(se, d), options);
        var model = weighted ? "iv_weighted" : "iv";
        var reference = RegressionFixtures.Coefficients(dataset, model, se);

        Assert.Equal(reference.Count, fit.CoefficientCount);
        foreach (var c in fit.Coefficients)
        {
            var r = reference[c.Name.StartsWith("takeup[", StringComparison.Ordinal) ? "take" + c.Name[7..^1] : c.Name];
            var label = $"{dataset} {model} {se} {c.Name}";
            RegressionFixtures.Close(RegressionFixtures.Parse(r["estimate"]), c.Estimate, 1e-8, label + " estimate");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["std_error"]), c.StandardError, 1e-8, label + " se");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["df"]), c.DegreesOfFreedom, 1e-8, label + " df");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["p_value"]), c.PValue, 1e-8, label + " p");
            RegressionFixtures.Close(RegressionFixtures.Parse(r["conf_high"]), c.ConfidenceHigh, 1e-8, label + " CI high");
        }

        return fit;
    }

    [Fact]
    public void Without_covariates_TOT_is_ITT_divided_by_take_up()
    {
        var d = RegressionFixtures.Load("balanced");
        var intercept = new DesignBuilder(d.Count).Intercept().Build();
        var tot = TreatmentOnTreated.Fit(d.Y, d.Arm, "control", d.Takeup, intercept, VarianceEstimator.HC1);
        var itt = LinearModel.Fit(d.Y, new DesignBuilder(d.Count).Intercept().Treatment("arm", d.Arm, "control").Build(), VarianceEstimator.HC1);
        var takeUpA = Enumerable.Range(0, d.Count).Where(i => d.Arm[i] == "A").Average(i => d.Takeup[i]);
        RegressionFixtures.Close(itt["arm[A]"].Estimate / takeUpA, tot["takeup[A]"].Estimate, 1e-10, "Wald estimator");
    }

    [Fact]
    public void Two_sided_take_up_is_rejected()
    {
        var d = RegressionFixtures.Load("balanced");
        var takeup = d.Takeup.ToArray();
        takeup[Array.IndexOf(d.Arm, "control")] = 1;
        var intercept = new DesignBuilder(d.Count).Intercept().Build();
        var error = Assert.Throws<ArgumentException>(() => TreatmentOnTreated.Fit(d.Y, d.Arm, "control", takeup, intercept, VarianceEstimator.HC1));
        Assert.Contains("not one-sided", error.Message, StringComparison.Ordinal);
    }
}
