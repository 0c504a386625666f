using Research.Analysis.Disclosure;
using Research.Analysis.Reports;
using Research.Analysis.Reports.Tables;
using Research.Analysis.Results;
using Research.Statistics.Multiplicity;

namespace Research.Analysis.Tests.Reports;

public sealed class PublishedTablesTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    public static TheoryData<string> Municipalities => [.. SmallExtractFixture.Municipalities];

    [Theory]
    [MemberData(nameof(Municipalities))]
    public void Every_saved_table_publishes_no_count_below_ten_and_no_person(string municipality)
    {
        var report = fixture.Report(municipality);
        var directory = Path.Combine(fixture.Directory, "out");
        var path = report.Save(directory);
        Assert.Equal(Path.Combine(directory, $"{municipality}.results.json"), Path.GetFullPath(path)); // returned relative to the current directory
        var saved = ResultFile.Load(path);
        Assert.Equal(MunicipalReport.Kind, saved.Kind);
        Assert.Equal(municipality, saved.Site);
        var ids = report.Context.Persons.Select(p => report.Context.Panel.Ids[p]).ToHashSet(StringComparer.Ordinal);
        var counts = 0;
        foreach (var table in saved.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.ColumnsOf(ColumnKind.Count))
                {
                    var value = row.Values.GetValueOrDefault(column.Name);
                    Assert.True(value is null or >= 10, $"{table.Name} / {row.Key} / {column.Name} = {value} is published");
                    counts += value is null ? 0 : 1;
                }

                foreach (var column in table.ColumnsOf(ColumnKind.Share))
                {
                    if (row.Values.GetValueOrDefault(column.Name) is { } share && row.Values.GetValueOrDefault(column.Base!) is { } n)
                    {
                        // Against a rounded base the count is known to within the rounding; it must still be clearly at least ten.
                        Assert.True(share * n >= 7.5 && (1 - share) * n >= 7.5, $"{table.Name} / {row.Key} / {column.Name} = {share} of {n}");
                    }
                }

                Assert.DoesNotContain(row.Labels.Values, ids.Contains);
                Assert.DoesNotContain(row.Key.Split('|'), ids.Contains);
                Assert.All(row.Disclosure.Values, rule => DisclosureRule.Of(rule));
            }
        }

        Assert.True(counts > 50, $"only {counts} counts were published");
        foreach (var name in new[] { "itt", "itt_clustered", "att", "mde", "balance", "flow", "durable", "survival", "survival_curve", "monthly_shares", "wellbeing", "reliability", "attrition" })
        {
            Assert.NotNull(saved[name]);
        }

        Assert.Equal(saved.ToJson(), ResultFile.Load(path).ToJson());
        Assert.NotEmpty(saved.DisclosureRules);
    }

    [Fact]
    public void Withheld_cells_name_their_rule_and_the_file_describes_every_rule_it_uses()
    {
        // At scale 0.3 some shares, flow stages and curve points fall below ten somewhere.
        var files = SmallExtractFixture.Municipalities.Select(m => fixture.Report(m).ToResultFile()).ToList();
        var withheld = files.SelectMany(f => f.Tables.SelectMany(t => t.Rows.SelectMany(r => r.Disclosure.Where(d => r.IsWithheld(d.Key)).Select(d => (f, d.Value))))).ToList();

        Assert.NotEmpty(withheld);
        Assert.All(withheld, w => Assert.True(w.f.DisclosureRules.ContainsKey(w.Value), $"{w.f.Site}: rule {w.Value} is not described"));
        Assert.Contains(withheld, w => w.Value == DisclosureRule.Complementary.Key);
        Assert.Contains(withheld, w => w.Value == DisclosureRule.ShareMinimumCount.Key);
    }

    [Fact]
    public void A_control_share_resting_on_few_persons_is_withheld_but_the_effect_is_published()
    {
        var report = fixture.Report("utrecht");
        var rows = report["itt_clustered"].Rows.Where(r => r.Label("outcome") == "full_outflow").ToList();
        var typed = report.Primary.Effects.Where(e => e.Outcome == ReportOutcome.Full).ToList();

        Assert.All(rows, r => Assert.NotNull(r[ResultValue.Estimate]));
        foreach (var row in rows.Where(r => r["control_mean"] is null))
        {
            Assert.True(row.IsWithheld("control_mean"), row.Key);
        }

        foreach (var effect in typed)
        {
            var inStatus = Math.Round(effect.ControlMean * effect.NControl);
            var row = report["itt_clustered"][PrimaryOutcomes.Key(effect.Arm.Code, effect.Outcome.Key, effect.Horizon)];
            if (inStatus < 10 || effect.NControl - inStatus < 10)
            {
                Assert.Null(row["control_mean"]);
                Assert.Equal(DisclosureRule.ShareMinimumCount.Key, row.Disclosure["control_mean"]);
            }
        }
    }

    [Fact]
    public void Flow_counts_add_up_where_published_and_shrink_along_the_stages()
    {
        var report = fixture.Report("groningen");
        var flow = report["flow"];
        var context = report.Context;
        Assert.Equal(context.Persons.Count, flow["randomised"][ResultValue.N]);
        foreach (var arm in context.Experiment.Arms)
        {
            var randomised = flow[$"randomised|{arm.Code}"][ResultValue.N];
            Assert.Equal(context.Arms.Count(a => a == arm.Code), randomised);
            Assert.True(flow[$"in_register|{arm.Code}"][ResultValue.N] is null || flow[$"in_register|{arm.Code}"][ResultValue.N] <= randomised);
            Assert.True(flow[$"responded_w1|{arm.Code}"][ResultValue.N] is null || flow[$"responded_w1|{arm.Code}"][ResultValue.N] <= randomised);
        }

        Assert.Equal(context.Experiment.Invited, flow["invited"][ResultValue.N]);
        var typed = report.Design.Flow.Single(f => f.Key == "took_up|zelf_in_actie");
        Assert.Equal(context.Persons.Count(p => context.Panel.Arm[p] == "zelf_in_actie" && context.Panel.TookUp[p]), typed.Count);
    }

    [Fact]
    public void Evidence_levels_follow_the_stated_rules()
    {
        foreach (var municipality in SmallExtractFixture.Municipalities)
        {
            var report = fixture.Report(municipality);
            var evidence = report.Evidence;
            var joint = report.Balance.JointTests.Select(t => t.Test.PValue).ToList();
            var imbalanced = PValueAdjustment.Holm(joint).Any(p => p < EvidenceRating.ImbalanceLevel);
            Assert.Equal(imbalanced ? 4 : 5, evidence.RegisterLevel);
            var expected = evidence.RegisterLevel - (report.Attrition.LastWaveAttrition > EvidenceRating.AttritionThreshold ? 1 : 0) - (report.Attrition.LastWaveTestP is < 0.05 ? 1 : 0);
            Assert.Equal(expected, evidence.SurveyLevel);
            Assert.Equal(evidence.RegisterLevel, report["evidence"]["sms|register"]["level"]);
            Assert.Equal(municipality == "groningen", evidence.SelfChosenArms.Count > 0);
        }
    }

    [Fact]
    public void Wellbeing_reports_reliability_and_an_effect_per_instrument_and_arm()
    {
        var report = fixture.Report("tilburg");
        var wellbeing = report.Wellbeing;
        Assert.NotEmpty(wellbeing.Instruments);
        Assert.Equal(wellbeing.Instruments.Count * report.Context.Experiment.TreatmentArms.Count(), report["wellbeing"].Rows.Count);
        Assert.All(report["reliability"].Rows, r => Assert.InRange(r["alpha"]!.Value, 0.5, 1.0));
        Assert.DoesNotContain(report["reliability"].Rows, r => r.Label("instrument") == "ls_cbs");
    }

    [Fact]
    public void Wellbeing_has_one_primary_index_with_weighted_and_unweighted_effects_and_bounds_and_BH_across_instruments()
    {
        var report = fixture.Report("tilburg");
        var arms = report.Context.Experiment.TreatmentArms.ToList();
        Assert.Equal(arms.Count, report.Wellbeing.Index.Count);
        Assert.Equal(2 * arms.Count, report["wellbeing_index"].Rows.Count);
        foreach (var effect in report.Wellbeing.Index)
        {
            // The weighted and unweighted estimates differ (the response model is not flat), the bounds are ordered and
            // their Imbens–Manski interval contains them.
            Assert.NotEqual(effect.CompleteCase.Effect.Estimate, effect.Weighted.Effect.Estimate);
            Assert.True(effect.Bounds.Lower <= effect.Bounds.Upper);
            Assert.True(effect.Bounds.ImbensManskiInterval.Lower <= effect.Bounds.Lower && effect.Bounds.Upper <= effect.Bounds.ImbensManskiInterval.Upper);
            Assert.Equal(effect.Weighted.Reported.Estimate, report["wellbeing_index"][$"{effect.Arm.Code}|response_weighted"][ResultValue.Estimate]!.Value, 12);
        }

        foreach (var arm in arms)
        {
            var rows = report.Wellbeing.Effects.Where(e => e.Arm == arm && e.Effect is not null).ToList();
            var p = rows.Select(e => e.Effect!.For(report.Wellbeing.Specification.Primary)!.PValue).ToList();
            var expected = Research.Statistics.Multiplicity.PValueAdjustment.BenjaminiHochberg(p);
            Assert.Equal(expected, rows.Select(e => e.BenjaminiHochbergP!.Value).ToArray());
            Assert.All(rows, e => Assert.True(e.BenjaminiHochbergP >= e.Effect!.For(report.Wellbeing.Specification.Primary)!.PValue));
        }

        Assert.DoesNotContain(report["wellbeing"].Columns, c => c.Name == ResultValue.AdjustedP);
    }

    [Fact]
    public void Every_inference_method_of_the_specification_gets_its_own_itt_table_from_the_same_estimates()
    {
        var report = fixture.Report("tilburg");
        var hc2 = report[PrimaryTables.IttName(Research.Analysis.Effects.InferenceMethod.HC2)];
        var cr2 = report[PrimaryTables.IttName(Research.Analysis.Effects.InferenceMethod.CR2)];

        Assert.Equal(hc2.Rows.Select(r => r.Key), cr2.Rows.Select(r => r.Key));
        Assert.All(hc2.Rows, r => Assert.Equal(r[ResultValue.Estimate], cr2[r.Key][ResultValue.Estimate]));
        Assert.Contains(hc2.Rows, r => r[ResultValue.StandardError] != cr2[r.Key][ResultValue.StandardError]);
    }
}
