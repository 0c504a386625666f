using Research.Statistics.Adjustment;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Adjustment;

/// <summary>
/// A rare binary outcome that nobody in the control arm reaches: the control arm's covariate slopes have no variance.
/// By default that fails the fit or, when rounding makes the variance a tiny positive number, yields an absurdly
/// precise slope; when allowed, only those coefficients are left without a test.
/// </summary>
public sealed class UndefinedStandardErrorTests
{
    [Fact]
    public void Control_slopes_without_variance_have_no_test_when_allowed_and_the_arm_effect_is_unchanged()
    {
        var n = 60;
        var arms = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "control" : "A").ToArray();
        var x = Enumerable.Range(0, n).Select(i => (i * 37 % 11) / 10.0).ToArray();
        var y = Enumerable.Range(0, n).Select(i => arms[i] == "A" && i % 5 == 1 ? 1.0 : 0.0).ToArray();
        var covariates = new DesignBuilder(n).Numeric("x", x).Build();

        try
        {
            Assert.True(LinAdjustment.Fit(y, arms, "control", covariates, VarianceEstimator.HC2).Model["x_c"].StandardError < 1e-12);
        }
        catch (DegenerateModelException)
        {
            // The rounding came out negative: the default's other failure mode.
        }

        var allowed = LinAdjustment.Fit(y, arms, "control", covariates, VarianceEstimator.HC2, new LinOptions { Fit = new FitOptions { AllowUndefinedStandardErrors = true } });
        var slope = allowed.Model["x_c"];
        Assert.True(double.IsNaN(slope.StandardError) && double.IsNaN(slope.PValue) && double.IsNaN(slope.ConfidenceLow));
        Assert.Contains(allowed.Model.Notes, note => note.Contains("'x_c'", StringComparison.Ordinal));

        // The arm effect's HC2 variance is the treated arm's alone: Welch's with the covariate, checked against the
        // treated arm's own regression.
        var effect = allowed.Effect("A");
        var treatedRows = Enumerable.Range(0, n).Where(i => arms[i] == "A").ToArray();
        var centred = x.Select(v => v - x.Average()).ToArray();
        var own = LinearModel.Fit(treatedRows.Select(i => y[i]).ToArray(), new DesignBuilder(treatedRows.Length).Intercept().Numeric("x", treatedRows.Select(i => centred[i]).ToArray()).Build(), VarianceEstimator.HC2);
        Assert.Equal(own["(Intercept)"].Estimate, effect.Estimate, 12);
        Assert.Equal(own["(Intercept)"].StandardError, effect.StandardError, 12);
        Assert.True(effect.PValue is > 0 and < 1);
    }
}
