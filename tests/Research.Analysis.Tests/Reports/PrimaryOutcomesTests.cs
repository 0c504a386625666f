using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Analysis.Reports.Tables;
using Research.Analysis.Results;
using Research.Statistics.Multiplicity;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Tests.Reports;

public sealed class PrimaryOutcomesTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    [Theory]
    [InlineData("groningen")]
    [InlineData("utrecht")]
    public void Itt_tables_are_the_shared_estimators_results(string municipality)
    {
        // The shared estimator is checked against estimatr::lm_lin (LinReferenceTests); here the report must publish
        // exactly its results: HC2 in itt, CR2 never narrower than HC2 in itt_clustered, with the flag and equivalence.
        var report = fixture.Report(municipality);
        var context = report.Context;
        var horizon = context.Experiment.PrimaryHorizonMonths;
        foreach (var outcome in new[] { ReportOutcome.Full, ReportOutcome.PartialOrFull })
        {
            var effects = Shared.EffectEstimator.Itt(Data(context, outcome.Outcome, horizon), Shared.EffectOptions.Default with { IncludeUnadjusted = false });
            var holm = PValueAdjustment.Holm([.. effects.Arms.Select(a => a.Reported.PValue)]);
            foreach (var (effect, k) in effects.Arms.Select((e, k) => (e, k)))
            {
                var key = PrimaryOutcomes.Key(effect.Arm.Code, outcome.Key, horizon);
                var robust = report["itt"][key];
                Assert.Equal(effect.Robust.Estimate, robust[ResultValue.Estimate]!.Value, 12);
                Assert.Equal(effect.Robust.StandardError, robust[ResultValue.StandardError]!.Value, 12);
                Assert.Equal(effect.Robust.ConfidenceInterval.Lower, robust[ResultValue.CiLow]!.Value, 12);
                Assert.Equal(effect.Robust.PValue, robust[ResultValue.PValue]!.Value, 12);

                var row = report["itt_clustered"][key];
                var shown = effect.Reported;
                Assert.Equal(shown.StandardError, row[ResultValue.StandardError]!.Value, 12);
                Assert.Equal(shown.ConfidenceInterval.Lower, row[ResultValue.CiLow]!.Value, 12);
                Assert.Equal(shown.ConfidenceInterval.Upper, row[ResultValue.CiHigh]!.Value, 12);
                Assert.Equal(shown.PValue, row[ResultValue.PValue]!.Value, 12);
                Assert.Equal(shown.DegreesOfFreedom, row["df"]!.Value, 9);
                Assert.Equal(effect.ClusteredNarrowerThanRobust ? "yes" : "no", row.Labels["hc2_shown"]);
                Assert.Equal(CommonColumns.EquivalenceKey(effect.ReportedEquivalence.Conclusion), row.Labels["equivalence"]);
                Assert.Equal(5 * Math.Round((effect.ArmCount + effect.ControlCount) / 5.0, MidpointRounding.AwayFromZero), row[ResultValue.N]);

                // Only the primary hypotheses (full outflow at the main horizon) form the Holm family.
                if (outcome == ReportOutcome.Full)
                {
                    Assert.Equal(holm[k], row[ResultValue.AdjustedP]!.Value, 12);
                }
                else
                {
                    Assert.False(row.Values.ContainsKey(ResultValue.AdjustedP) && row[ResultValue.AdjustedP] is not null);
                }
            }
        }
    }

    [Fact]
    public void Rows_cover_every_arm_outcome_and_horizon_with_the_contract_labels()
    {
        var report = fixture.Report("utrecht");
        var experiment = report.Context.Experiment;
        Assert.Equal(new[] { 12, 16, 24, 36 }, report.Primary.Horizons);
        foreach (var table in new[] { report["itt"], report["itt_clustered"], report["att"] })
        {
            Assert.Equal(experiment.TreatmentArms.Count() * 3 * report.Primary.Horizons.Count, table.Rows.Count);
            var row = table[PrimaryOutcomes.Key("werken_loont", "full_outflow", 24)];
            Assert.Equal("Werken loont", row.Labels["arm_name_nl"]);
            Assert.Equal("earnings_disregard", row.Labels["arm_type"]);
            Assert.Equal("vrijlating", row.Labels["arm_type_nl"]);
            Assert.Equal(ReportOutcome.Full.Label, row.Labels["outcome_label"]);
            Assert.Equal("24", row.Labels["horizon"]);
        }

        Assert.Equal(experiment.TreatmentArms.Count() * 3, report["mde"].Rows.Count);
        Assert.All(report["mde"].Rows, r => Assert.Contains(r.Labels["ci_excludes_mde"], new[] { "yes", "no" }));
    }

    [Fact]
    public void Att_scales_the_itt_by_take_up_and_reports_the_observed_take_up()
    {
        var report = fixture.Report("tilburg");
        var panel = report.Context.Panel;
        var horizon = report.Context.Experiment.PrimaryHorizonMonths;
        foreach (var arm in report.Context.Experiment.TreatmentArms)
        {
            var att = report.Primary.Att.Single(a => a.Arm == arm && a.Outcome == ReportOutcome.PartialOrFull && a.Horizon == horizon);
            var persons = report.Context.Persons.Where(p => panel.Arm[p] == arm.Code).ToList();
            Assert.Equal(persons.Average(p => panel.TookUp[p] ? 1.0 : 0.0), att.TakeUp, 12);

            // With take-up below one the effect on the treated is larger in size than the ITT (up to covariate adjustment).
            var itt = report.Primary.Effect(arm.Code, ReportOutcome.PartialOrFull, horizon).Effect!.Estimate;
            Assert.Equal(itt / att.TakeUp, att.Effect!.Estimate, 2);
        }
    }

    [Fact]
    public void Mde_follows_the_design_effect_formula()
    {
        var report = fixture.Report("utrecht");
        var context = report.Context;
        var panel = context.Panel;
        var horizon = context.Experiment.PrimaryHorizonMonths;
        var y = panel.At(Outcome.PartialOrFullOutflow, horizon, Coverage.ExcludeUncovered);
        var control = Enumerable.Range(0, y.Count).Where(i => panel.Municipality[y.Persons[i]] == "utrecht" && panel.Arm[y.Persons[i]] == "control").Select(i => y.Values[i]).ToList();
        var rate = control.Average();
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);
        foreach (var arm in context.Experiment.TreatmentArms)
        {
            var row = report.Primary.Detectable.Single(d => d.Arm == arm && d.Outcome == ReportOutcome.PartialOrFull);
            var deff = row.DesignEffect;
            Assert.True(deff >= 1);
            Assert.Equal(control.Count, row.NControl);

            // The MDE is the effect whose two-sided z test has 80% power: Φ(λ − z) + Φ(−λ − z) = 0.8, λ = MDE / SE.
            var se = Math.Sqrt(rate * (1 - rate)) * Math.Sqrt(deff / row.NArm + deff / row.NControl);
            var lambda = row.MinimumDetectable!.Value / se;
            var power = MathNet.Numerics.Distributions.Normal.CDF(0, 1, lambda - z) + MathNet.Numerics.Distributions.Normal.CDF(0, 1, -lambda - z);
            Assert.Equal(0.8, power, 9);
        }
    }

    /// <summary>The report's sample: the municipality's persons with the outcome and its pre-randomisation mean observed.</summary>
    private static Shared.EffectData Data(ReportContext context, Outcome outcome, int horizon)
    {
        var panel = context.Panel;
        var y = panel.At(outcome, horizon, Coverage.ExcludeUncovered);
        var pre = panel.PreRandomisation(outcome, 12, Coverage.ExcludeUncovered);
        var yOf = Enumerable.Range(0, y.Count).ToDictionary(i => y.Persons[i], i => y.Values[i]);
        var hasPre = Enumerable.Range(0, pre.Count).Select(i => pre.Persons[i]).ToHashSet();
        var linked = context.Persons.ToHashSet();
        var population = context.Population;
        var values = population.Persons.Select(p => linked.Contains(p) && hasPre.Contains(p) && yOf.TryGetValue(p, out var v) ? v : double.NaN).ToArray();
        return population.For("test", values);
    }
}
