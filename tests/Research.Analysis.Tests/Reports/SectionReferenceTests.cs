using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Analysis.Synthesis;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Tests.Reports;

/// <summary>
/// The sections whose numbers were checked only by shape, against an independent computation in R (sandwich, survival,
/// car, clubSandwich): Fixtures/Sections holds the person-level data these sections analyse (Groningen, and every site
/// for the pooled model, of the seed-7 scale-0.3 extract the report tests share), the R script and its output.
/// </summary>
public sealed class SectionReferenceTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    private const double Tolerance = 1e-8;

    private static readonly Lazy<IReadOnlyDictionary<(string Section, string Key, string Quantity), double?>> Expected = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sections", "sections_expected.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(p => (p[0], p[1], p[2]), p => p[3] == "NA" ? (double?)null : double.Parse(p[3], NumberStyles.Float, CultureInfo.InvariantCulture)));

    [Fact]
    public void The_reference_data_are_the_data_the_report_analyses()
    {
        var report = fixture.Report("groningen");
        var durable = File.ReadLines(Fixture("durable.csv")).Skip(1).Count(l => l.StartsWith("full_outflow,", StringComparison.Ordinal));
        Assert.Equal(report.Durability.Durable.Where(d => d.Outcome == ReportOutcome.Full).Sum(d => d.N), durable);
        var survival = File.ReadLines(Fixture("survival.csv")).Skip(1).Count(l => l.StartsWith("full_outflow,", StringComparison.Ordinal));
        Assert.Equal(report.Context.Persons.Count, survival);
    }

    [Fact]
    public void Durable_outflow_effects_come_from_the_estimator_checked_against_lm_lin()
    {
        // The shared estimator is checked against estimatr::lm_lin (LinReferenceTests); the section must publish exactly
        // its result for the durable outcome, with the primary rule (CR2, never narrower than HC2) and HC2 beside it.
        var report = fixture.Report("groningen");
        var context = report.Context;
        foreach (var outcome in Durability.Outcomes)
        {
            var measure = context.Panel.DurableBy(outcome.Outcome, Durability.DurableMonths, context.Experiment.PrimaryHorizonMonths, coverage: Coverage.ExcludeUncovered);
            var shared = Shared.EffectEstimator.Itt(context.Population.For(measure), report.Specification.Effects.Options with { Method = Shared.InferenceMethod.Cr2, IncludeUnadjusted = false });
            foreach (var durable in report.Durability.Durable.Where(d => d.Outcome == outcome && !d.Arm.IsControl))
            {
                var expected = shared[durable.Arm];
                Assert.Equal(expected.Effect.Estimate, durable.Effect!.Estimate, 12);
                var primary = durable.Effect.For(InferenceMethod.ClusteredAtLeastRobust)!;
                Assert.Equal(expected.Reported.StandardError, primary.StandardError!.Value, 12);
                Assert.Equal(expected.ClusteredNarrowerThanRobust, primary.ClusteredNarrowerThanRobust);
                Assert.Equal(expected.Robust.StandardError, durable.Effect.For(InferenceMethod.HC2)!.StandardError!.Value, 12);
            }
        }
    }

    [Fact]
    public void Kaplan_Meier_medians_and_log_rank_tests_match_R()
    {
        var report = fixture.Report("groningen");
        foreach (var curve in report.Durability.Survival)
        {
            var key = $"{curve.Arm.Code}|{curve.Outcome.Key}";
            Assert.Equal(Expected.Value[("survival", key, "events")], curve.Events);
            Assert.Equal(Expected.Value[("survival", key, "median")], curve.Median.Time);
            Assert.Equal(Expected.Value[("survival", key, "median_low")], curve.Median.Lower);
            Assert.Equal(Expected.Value[("survival", key, "median_high")], curve.Median.Upper);
        }

        // The unclustered robust score test against survival::coxph; the caseworker-clustered one is checked against
        // coxph with cluster() in the statistics tests (ClusteredLogRankReferenceTests).
        Assert.Equal(2 * report.Context.Experiment.TreatmentArms.Count(), report.Durability.Tests.Count);
        foreach (var test in report.Durability.Tests)
        {
            var key = $"logrank|{test.Arm.Code}|{test.Outcome.Key}";
            Near("survival", key, "chi2", test.Robust.ChiSquare);
            Near("survival", key, "p", test.Robust.PValue);
            Assert.Equal(Math.Max(test.Clustered.PValue, test.Robust.PValue), test.Shown.PValue);
        }
    }

    [Fact]
    public void Attrition_tests_match_R()
    {
        var report = fixture.Report("groningen");
        Assert.NotEmpty(report.Attrition.Tests);
        foreach (var test in report.Attrition.Tests)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"test|w{test.Wave}");
            Near("attrition", key, "F", test.Test!.F);
            Near("attrition", key, "df1", test.Test.NumeratorDf);
            Near("attrition", key, "df2", test.Test.DenominatorDf);
            Near("attrition", key, "p", test.Test.PValue);
        }
    }

    [Fact]
    public void Wellbeing_effects_match_R()
    {
        var report = fixture.Report("groningen");
        var checkedEffects = 0;
        foreach (var effect in report.Wellbeing.Effects.Where(e => e.Instrument.Id is "who5" or "swls" or "k10"))
        {
            EffectMatches("wellbeing", $"{effect.Instrument.Id}|{effect.Arm.Code}", effect.Effect!, InferenceMethod.HC2);
            checkedEffects++;
        }

        Assert.Equal(12, checkedEffects);
    }

    [Fact]
    public void Pooled_individual_model_matches_R()
    {
        var effects = PooledIndividualModel.Fit(fixture.Extract);
        Assert.Equal(15, effects.Count);
        foreach (var e in effects)
        {
            var key = $"{e.Type}|{e.Outcome.Key}";
            Near("pooled", key, "estimate", e.Coefficient.Estimate);
            Near("pooled", key, "se", e.Coefficient.StandardError);
            Near("pooled", key, "df", e.Coefficient.DegreesOfFreedom);
            Near("pooled", key, "p", e.Coefficient.PValue);
            Near("pooled", key, "ci_low", e.Coefficient.ConfidenceLow);
            Near("pooled", key, "ci_high", e.Coefficient.ConfidenceHigh);
        }
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sections", name);

    private static void EffectMatches(string section, string key, EffectEstimate effect, InferenceMethod method)
    {
        var inference = effect.For(method)!;
        Near(section, key, "estimate", effect.Estimate);
        Near(section, key, "se", inference.StandardError!.Value);
        Near(section, key, "ci_low", inference.CiLow);
        Near(section, key, "ci_high", inference.CiHigh);
        Near(section, key, "p", inference.PValue);
    }

    private static void Near(string section, string key, string quantity, double actual)
    {
        var expected = Expected.Value.TryGetValue((section, key, quantity), out var value) ? value : throw new KeyNotFoundException($"no reference value {section} / {key} / {quantity}");
        Assert.True(expected is not null, $"{section} / {key} / {quantity}: R has no value");
        var scale = Math.Max(Math.Abs(expected!.Value), 1e-6);
        Assert.True(Math.Abs(actual - expected.Value) <= Tolerance * scale, $"{section} / {key} / {quantity}: R {expected:R}, ours {actual:R}");
    }
}
