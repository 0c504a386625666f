using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Tests.Reports;

public sealed class PrimaryOutcomesTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    [Theory]
    [InlineData("groningen", VarianceType.HC2)]
    [InlineData("groningen", VarianceType.CR2)]
    [InlineData("utrecht", VarianceType.HC2)]
    public void Itt_equals_a_direct_linear_model_fit(string municipality, VarianceType type)
    {
        var report = fixture.Report(municipality);
        var context = report.Context;
        var horizon = context.Experiment.PrimaryHorizonMonths;
        var panel = context.Panel;
        var y = panel.At(Outcome.PartialOrFullOutflow, horizon, Coverage.ExcludeUncovered);
        var pre = panel.PreRandomisation(Outcome.PartialOrFullOutflow, 12, Coverage.ExcludeUncovered);
        var yOf = Enumerable.Range(0, y.Count).ToDictionary(i => y.Persons[i], i => y.Values[i]);
        var preOf = Enumerable.Range(0, pre.Count).ToDictionary(i => pre.Persons[i], i => pre.Values[i]);
        var persons = Enumerable.Range(0, panel.Count).Where(p => panel.Municipality[p] == municipality && yOf.ContainsKey(p) && preOf.ContainsKey(p)).ToArray();
        var builder = new DesignBuilder(persons.Length).Intercept()
            .Treatment("arm", persons.Select(p => panel.Arm[p]).ToArray(), "control")
            .Numeric("pre", persons.Select(p => preOf[p]).ToArray());
        var strata = persons.Select(p => panel.Stratum[p]).Distinct().Count();
        if (strata > 1)
        {
            builder.FixedEffects("stratum", persons.Select(p => panel.Stratum[p]).ToArray());
        }

        var variance = type == VarianceType.CR2 ? VarianceEstimator.CR2(persons.Select(p => panel.Caseworker[p]).ToArray()) : VarianceEstimator.HC2;
        var fit = LinearModel.Fit(persons.Select(p => yOf[p]).ToArray(), builder.Build(), variance);
        var method = type == VarianceType.CR2 ? InferenceMethod.CR2 : InferenceMethod.HC2;
        var table = report[Research.Analysis.Reports.Tables.PrimaryTables.IttName(method)];
        Assert.Equal(municipality == "groningen", context.IsStratified);
        foreach (var arm in context.Experiment.TreatmentArms)
        {
            var row = table[PrimaryOutcomes.Key(arm.Code, "partial_full_outflow", horizon)];
            var effect = report.Primary.Effect(arm.Code, ReportOutcome.PartialOrFull, horizon);
            var c = fit[$"arm[{arm.Code}]"];
            Assert.Equal(c.Estimate, row[ResultValue.Estimate]!.Value, 12);
            Assert.Equal(c.StandardError, row[ResultValue.StandardError]!.Value, 12);
            Assert.Equal(c.ConfidenceLow, row[ResultValue.CiLow]!.Value, 12);
            Assert.Equal(c.PValue, row[ResultValue.PValue]!.Value, 12);
            Assert.Equal(c.DegreesOfFreedom, row["df"]!.Value, 9);
            Assert.Equal(c.Estimate, effect.Effect!.Estimate, 12);
            Assert.Equal(c.StandardError, effect.Inference(method)!.StandardError!.Value, 12);
            Assert.Equal(persons.Count(p => panel.Arm[p] is var a && (a == arm.Code || a == "control")), effect.N);
            Assert.Equal(5 * Math.Round(effect.N / 5.0, MidpointRounding.AwayFromZero), row[ResultValue.N]);
            Assert.True(row["p_holm"] >= row[ResultValue.PValue]);
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
}
