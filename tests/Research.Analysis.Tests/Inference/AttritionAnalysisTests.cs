using Research.Analysis.Inference;
using Research.Statistics.Adjustment;
using Research.Statistics.Attrition;
using Research.Statistics.Regression;

namespace Research.Analysis.Tests.Inference;

/// <summary>
/// Complete cases, response weights and Lee bounds from one <see cref="EffectData"/>: the weighted estimate is Lin's
/// weighted regression with the response model's weights, and each arm's bounds are Lee's on that arm and control.
/// </summary>
public sealed class AttritionAnalysisTests
{
    [Fact]
    public void The_three_estimates_are_the_statistics_library_s_on_the_same_respondents()
    {
        var full = GroningenFixture.Load("partial_full_outflow");
        // Non-response that depends on the arm and a covariate, as attrition does.
        var outcome = full.Outcome.Select((y, i) => (i * 7919 % 100) < 35 + (full.Arms[i].IsControl ? 10 : 0) + (full.Covariates.Age[i] > 45 ? 10 : 0) ? double.NaN : y).ToArray();
        var offBenefit = Enumerable.Range(0, full.Count).Select(i => i % 4 == 0 ? 1.0 : 0.0).ToArray();
        var data = full with { Outcome = outcome };

        var result = AttritionAnalysis.Estimate(data, offBenefit);

        var respondents = data.Take(data.ObservedRows());
        var lin = new LinOptions
        {
            ArmOrder = data.Experiment.TreatmentArms.Select(a => a.Code).ToArray(),
            Fit = new FitOptions { Weights = data.ObservedRows().Select(i => result.Response.Weights[i]).ToArray() },
        };
        var weighted = LinAdjustment.Fit(respondents.Outcome, respondents.Arms.Select(a => a.Code).ToArray(), "control", respondents.Covariates.Design(respondents.Arms),
            VarianceEstimator.CR2(respondents.Caseworkers), lin);
        var completeCase = EffectEstimator.Itt(data);
        Assert.Equal(4, result.Bounds.Count);
        foreach (var arm in data.Experiment.TreatmentArms)
        {
            Assert.Equal(weighted.Effect(arm.Code).Estimate, result.Weighted[arm].Effect.Estimate, 10);
            Assert.Equal(weighted.Effect(arm.Code).StandardError, result.Weighted[arm].Effect.StandardError, 10);
            Assert.Equal(completeCase[arm].Effect, result.CompleteCase[arm].Effect);
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Arms[i] == arm || data.Arms[i].IsControl).ToList();
            var lee = LeeBounds.Estimate(rows.Select(i => outcome[i]).ToArray(), rows.Select(i => data.Arms[i] == arm).ToArray());
            Assert.Equal(lee, result.Bounds.Single(b => b.Arm == arm).Bounds);
        }

        Assert.All(Enumerable.Range(0, data.Count), i => Assert.Equal(double.IsNaN(outcome[i]), double.IsNaN(result.Response.Weights[i])));
    }
}
