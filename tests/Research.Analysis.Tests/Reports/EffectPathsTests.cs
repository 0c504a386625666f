using Research.Analysis.Effects;
using Research.Analysis.Outcomes;

namespace Research.Analysis.Tests.Reports;

/// <summary>
/// Months before randomisation often have an outcome nobody in one arm has: whether such an effect has a standard error
/// is the data's decision, never the sign of rounding noise.
/// </summary>
public sealed class EffectPathsTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    [Fact]
    public void An_effect_has_a_standard_error_exactly_when_the_arm_or_the_control_arm_varies()
    {
        var controlOnlyConstant = 0;
        foreach (var municipality in SmallExtractFixture.Municipalities)
        {
            var report = fixture.Report(municipality);
            var context = report.Context;
            var control = context.Experiment.Control.Code;
            var own = context.Persons.ToHashSet();
            foreach (var point in report.Paths.Points)
            {
                var measure = context.Panel.At(point.Outcome.Outcome, point.Month, Coverage.ExcludeUncovered);
                var values = measure.Values.ToArray();
                var persons = measure.Persons.ToArray();
                bool Varies(string arm) => persons.Select((p, i) => (p, i)).Where(x => own.Contains(x.p) && context.Panel.Arm[x.p] == arm).Select(x => values[x.i]).Distinct().Count() > 1;
                var what = $"{municipality} {point.Arm.Code} {point.Outcome.Key} month {point.Month}";
                Assert.All(point.Effect?.Inferences ?? [], i => Assert.True(i.StandardError > 1e-6, $"{what}: standard error {i.StandardError}"));
                if (!Varies(point.Arm.Code) && !Varies(control))
                {
                    // Within strata the other arms shape the stratum effects, so only without strata is the residual of
                    // every person of the two arms exactly zero.
                    Assert.True(context.IsStratified || point.Effect is null, what + ": a difference of two constants has no standard error");
                    continue;
                }

                controlOnlyConstant += Varies(control) ? 0 : 1;
                Assert.True(point.Effect is not null, what + " is estimable");
            }
        }

        // The case the rounding used to decide: nobody in control has the status, some in the arm do.
        Assert.True(controlOnlyConstant > 0);
    }

    [Fact]
    public void Arms_that_each_have_one_value_have_no_standard_errors_and_the_notes_say_why()
    {
        var context = fixture.Report("utrecht").Context;
        var control = context.Experiment.Control.Code;
        var sample = EffectSample.Create(context, p => context.Panel.Arm[p] == control ? 0.0 : 1.0, null, "constant within every arm");
        var estimation = new Estimation();

        var effects = EffectEstimator.ArmEffects(sample, EffectSpecification.Default.With(Adjustment.Unadjusted), estimation);

        Assert.Equal(context.Experiment.TreatmentArms.Count(), effects.Count);
        Assert.All(effects, Assert.Null);
        Assert.All(context.Experiment.TreatmentArms, arm => Assert.Contains(estimation.Notes, n => n.Contains($"the standard error of arm {arm.NameNl} is undefined", StringComparison.Ordinal)));
    }
}
