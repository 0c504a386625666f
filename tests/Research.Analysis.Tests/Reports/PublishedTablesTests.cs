using Research.Analysis.Reports;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Reports;

public sealed class PublishedTablesTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    public static TheoryData<string> Municipalities => [.. SmallExtractFixture.Municipalities];

    [Theory]
    [MemberData(nameof(Municipalities))]
    public void Every_saved_table_publishes_no_count_below_ten_and_no_person(string municipality)
    {
        var sections = fixture.Sections(municipality);
        var directory = Path.Combine(fixture.Directory, "out");
        var path = MunicipalResults.Save(directory, municipality, sections.Tables);
        Assert.Equal(Path.Combine(directory, $"{municipality}.results.json"), Path.GetFullPath(path)); // returned relative to the current directory
        var saved = ResultFile.Load(path);
        Assert.Equal("municipal", saved.Kind);
        Assert.Equal(municipality, saved.Site);
        var ids = sections.Context.Persons.Select(p => sections.Context.Panel.Ids[p]).ToHashSet(StringComparer.Ordinal);
        foreach (var table in saved.Tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var (name, value) in row.Values.Where(v => v.Key == "n" || v.Key.StartsWith("n_", StringComparison.Ordinal)))
                {
                    Assert.True(value is null or >= 10, $"{table.Name} / {row.Key} / {name} = {value} is published");
                }

                Assert.DoesNotContain(row.Labels.Values, ids.Contains);
                Assert.DoesNotContain(row.Key.Split('|'), ids.Contains);
            }
        }

        foreach (var name in new[] { "itt", "itt_clustered", "att", "mde", "balance", "flow", "durable", "survival", "wellbeing", "reliability", "attrition" })
        {
            Assert.NotNull(saved[name]);
        }

        Assert.Equal(saved.ToJson(), ResultFile.Load(path).ToJson());
    }

    [Fact]
    public void Small_cells_are_withheld_with_a_footnote()
    {
        // At scale 0.3 some balance indicators and durable full-outflow counts fall below ten somewhere.
        var withheld = SmallExtractFixture.Municipalities.SelectMany(m => fixture.Sections(m).Tables)
            .Where(t => t.Rows.Any(r => r.Values.Values.All(v => v is null))).ToList();
        Assert.NotEmpty(withheld);
        Assert.All(withheld, t => Assert.Contains(t.Footnotes, f => f.Contains("fewer than 10 persons", StringComparison.Ordinal)));
    }

    [Fact]
    public void Shares_resting_on_few_persons_are_withheld_cell_by_cell()
    {
        var sections = fixture.Sections("utrecht");
        var row = sections.Primary.Itt[PrimaryOutcomes.Key("zelf_in_actie", "full_outflow", 12)];
        var nControl = row["n_control"]!.Value;
        Assert.True(row[ResultValue.Estimate] is not null);
        if (row["control_mean"] is { } share)
        {
            Assert.True(share * nControl >= 9.5 && (1 - share) * nControl >= 9.5);
        }
        else
        {
            Assert.Contains(sections.Primary.Itt.Footnotes, f => f.Contains("share is withheld", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Flow_counts_add_up_and_shrink_along_the_stages()
    {
        var sections = fixture.Sections("groningen");
        var flow = sections.Design.Flow;
        var context = sections.Context;
        Assert.Equal(context.Persons.Count, flow["randomised"][ResultValue.N]);
        foreach (var arm in context.Experiment.Arms)
        {
            var randomised = flow[$"randomised|{arm.Code}"][ResultValue.N];
            Assert.Equal(context.Arms.Count(a => a == arm.Code), randomised);
            Assert.True(flow[$"in_register|{arm.Code}"][ResultValue.N] <= randomised);
            Assert.True(flow[$"responded_w1|{arm.Code}"][ResultValue.N] <= randomised);
            if (!arm.IsControl)
            {
                Assert.True(flow[$"took_up|{arm.Code}"][ResultValue.N] < randomised);
            }
        }

        Assert.Equal(context.Experiment.Invited, flow["invited"][ResultValue.N]);
        Assert.Contains("individueel_maatwerk", sections.Design.Diagram().ToHtml().Replace("Individueel maatwerk", "individueel_maatwerk", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Attrition_and_evidence_levels_follow_the_stated_rules()
    {
        foreach (var municipality in SmallExtractFixture.Municipalities)
        {
            var sections = fixture.Sections(municipality);
            var summary = sections.Summary;
            var joint = sections.Balance.Balance.Rows.Where(r => r.Key.StartsWith("joint|", StringComparison.Ordinal)).Select(r => r[ResultValue.PValue]!.Value).ToList();
            var imbalanced = Research.Statistics.Multiplicity.PValueAdjustment.Holm(joint).Any(p => p < EvidenceSummary.ImbalanceLevel);
            Assert.Equal(imbalanced ? 4 : 5, summary.RegisterLevel);
            var expected = summary.RegisterLevel - (sections.Attrition.LastWaveAttrition > EvidenceSummary.AttritionThreshold ? 1 : 0) - (sections.Attrition.LastWaveTestP is < 0.05 ? 1 : 0);
            Assert.Equal(expected, summary.SurveyLevel);
            Assert.Equal(summary.RegisterLevel, summary.Table["sms|register"]["level"]);
            Assert.Contains(summary.Caveats, c => c.Contains("Caseworkers were not assigned at random", StringComparison.Ordinal));
            Assert.Equal(municipality == "groningen", summary.Caveats.Any(c => c.Contains("chose the component themselves", StringComparison.Ordinal)));
            Assert.Equal(2 * sections.Context.Experiment.TreatmentArms.Count() + 1, summary.Findings.Count);
        }
    }

    [Fact]
    public void Wellbeing_reports_reliability_and_an_effect_per_instrument_and_arm()
    {
        var sections = fixture.Sections("tilburg");
        var wellbeing = sections.Wellbeing;
        Assert.NotEmpty(wellbeing.Instruments);
        Assert.Equal(wellbeing.Instruments.Count * sections.Context.Experiment.TreatmentArms.Count(), wellbeing.Effects.Rows.Count);
        Assert.All(wellbeing.Reliability.Rows, r => Assert.InRange(r["alpha"]!.Value, 0.5, 1.0));
        Assert.DoesNotContain(wellbeing.Reliability.Rows, r => r.Labels["instrument"] == "ls_cbs");
    }

    [Fact]
    public void Balance_display_puts_the_arms_side_by_side_without_undoing_suppression()
    {
        var sections = fixture.Sections("deventer");
        var (wide, joint) = sections.Balance.ForDisplay();
        foreach (var row in sections.Balance.Balance.Rows.Where(r => !r.Key.StartsWith("joint|", StringComparison.Ordinal)))
        {
            var arm = sections.Context.Arm(row.Labels["arm"]);
            Assert.Equal(row["mean"], wide.Table[row.Labels["covariate"]][$"mean {arm.NameNl}"]);
        }

        Assert.Equal(sections.Context.Experiment.TreatmentArms.Count(), joint.Table.Rows.Count);
    }
}
