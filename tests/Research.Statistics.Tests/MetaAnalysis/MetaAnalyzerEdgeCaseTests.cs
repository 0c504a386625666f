using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Tests.MetaAnalysis;

public sealed class MetaAnalyzerEdgeCaseTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void Non_positive_or_missing_variance_names_the_study(double badVariance)
    {
        var e = Assert.Throws<ArgumentException>(() => StudyEffects.FromVariances([0.1, 0.2], [0.01, badVariance], ["A", "B"]));

        Assert.Contains("Variance 1 (\"B\")", e.Message);
        Assert.Equal("variances", e.ParamName);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => StudyEffects.FromVariances([0.1, 0.2, 0.3], [0.01, 0.02]));

        Assert.Contains("Expected 3 variances", e.Message);
    }

    [Fact]
    public void Standard_errors_are_squared()
    {
        var fromSe = MetaAnalyzer.Fit(StudyEffects.FromStandardErrors([0.1, 0.5], [0.1, 0.2]), new(MetaAnalysisMethod.FixedEffect));
        var fromVar = MetaAnalyzer.Fit(StudyEffects.FromVariances([0.1, 0.5], [0.01, 0.04]), new(MetaAnalysisMethod.FixedEffect));

        Assert.Equal(fromVar.Estimate, fromSe.Estimate, 15);
        Assert.Equal(fromVar.StandardError, fromSe.StandardError, 15);
    }

    [Fact]
    public void Single_study_random_effects_is_rejected_but_fixed_effect_returns_the_study()
    {
        var one = StudyEffects.FromVariances([0.3], [0.04], ["Only"]);

        var e = Assert.Throws<ArgumentException>(() => MetaAnalyzer.Fit(one));
        var fixedEffect = MetaAnalyzer.Fit(one, new(MetaAnalysisMethod.FixedEffect));

        Assert.Contains("at least 2 studies", e.Message);
        Assert.Equal(0.3, fixedEffect.Estimate);
        Assert.Equal(0.2, fixedEffect.StandardError, 15);
        Assert.Equal(0, fixedEffect.Heterogeneity.Q);
        Assert.Equal(1, fixedEffect.Heterogeneity.QPValue);
    }

    [Fact]
    public void Knapp_Hartung_with_identical_estimates_is_rejected_and_the_truncated_variant_falls_back_to_normal_width()
    {
        var same = StudyEffects.FromVariances([0.2, 0.2, 0.2], [0.01, 0.02, 0.03]);

        var e = Assert.Throws<ArgumentException>(() => MetaAnalyzer.Fit(same, new(Test: PooledEstimateTest.KnappHartung)));
        var truncated = MetaAnalyzer.Fit(same, new(Test: PooledEstimateTest.KnappHartungTruncated));
        var normal = MetaAnalyzer.Fit(same);

        Assert.Contains("identical", e.Message);
        Assert.Equal(normal.StandardError, truncated.StandardError, 15);
        Assert.Equal(2, truncated.DegreesOfFreedom);
        Assert.Equal(0, truncated.Heterogeneity.Tau2);
    }

    [Fact]
    public void Truncated_Knapp_Hartung_equals_plain_when_the_factor_exceeds_one()
    {
        var heterogeneous = StudyEffects.FromVariances([-0.5, 0.2, 0.9], [0.01, 0.05, 0.02]);

        var plain = MetaAnalyzer.Fit(heterogeneous, new(MetaAnalysisMethod.FixedEffect, PooledEstimateTest.KnappHartung));
        var truncated = MetaAnalyzer.Fit(heterogeneous, new(MetaAnalysisMethod.FixedEffect, PooledEstimateTest.KnappHartungTruncated));

        Assert.Equal(plain.StandardError, truncated.StandardError);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Confidence_level_outside_zero_one_is_rejected(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MetaAnalyzer.Fit(StudyEffects.FromVariances([0.1, 0.2], [0.01, 0.02]), new(ConfidenceLevel: level)));

    [Fact]
    public void Forest_plot_rows_carry_study_intervals_and_weights()
    {
        var fit = MetaAnalyzer.Fit(StudyEffects.FromVariances([0.1, 0.5], [0.01, 0.04], ["A", "B"]), new(MetaAnalysisMethod.FixedEffect));

        var plot = fit.ForestPlot();

        Assert.Equal(["A", "B"], plot.Studies.Select(r => r.Label));
        Assert.Equal(80, plot.Studies[0].WeightPercent, 12);
        Assert.Equal(0.1 - 1.959963984540054 * 0.1, plot.Studies[0].ConfidenceInterval.Lower, 12);
        Assert.Equal(fit.Estimate, plot.Pooled.Estimate);
        Assert.Equal(100, plot.Pooled.WeightPercent);
        Assert.Null(plot.PredictionInterval);
    }

    [Theory]
    [InlineData(MetaAnalysisMethod.RestrictedMaximumLikelihood, 1e-4)]
    [InlineData(MetaAnalysisMethod.RestrictedMaximumLikelihood, 1e4)]
    [InlineData(MetaAnalysisMethod.PauleMandel, 1e-4)]
    [InlineData(MetaAnalysisMethod.PauleMandel, 1e4)]
    public void Iterative_tau2_is_equivariant_under_a_change_of_units(MetaAnalysisMethod method, double unit)
    {
        double[] y = [-0.5, 0.2, 0.9, 0.1, 0.4];
        double[] v = [0.01, 0.05, 0.02, 0.03, 0.04];
        var original = MetaAnalyzer.Fit(StudyEffects.FromVariances(y, v), new(method));

        var rescaled = MetaAnalyzer.Fit(StudyEffects.FromVariances(y.Select(x => x * unit).ToArray(), v.Select(x => x * unit * unit).ToArray()), new(method));

        AssertClose.Equal(original.Heterogeneity.Tau2 * unit * unit, rescaled.Heterogeneity.Tau2, 1e-12, 0, "tau2");
        AssertClose.Equal(original.HeterogeneityInterval!.Tau2.Upper * unit * unit, rescaled.HeterogeneityInterval!.Tau2.Upper, 1e-12, 0, "tau2 upper limit");
    }

    [Fact]
    public void ToString_uses_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            var text = MetaAnalyzer.Fit(StudyEffects.FromVariances([0.125, 0.5], [0.01, 0.04])).ToString();

            Assert.Contains("estimate 0.", text);
            Assert.DoesNotContain("0,", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
