using System.Text.RegularExpressions;
using Plotly.NET;
using Research.Analysis.Reports;
using Research.Analysis.Synthesis;
using Research.Reporting.Charts;
using Research.Reporting.Municipal;
using Research.Reporting.Synthesis;
using Research.Reporting.Tables;

namespace Research.Reporting.Tests;

public sealed partial class ViewTests(SyntheticRun run) : IClassFixture<SyntheticRun>
{
    [Fact]
    public void The_summary_is_in_english_and_dutch_with_dutch_numbers_and_dutch_arm_types()
    {
        var summary = new ReportSummary(run.Report("utrecht"));
        var english = string.Join("\n", summary.English());
        var dutch = string.Join("\n", summary.Dutch());

        Assert.Contains(" pp (95% CI ", english, StringComparison.Ordinal);
        Assert.Contains("procentpunt (95%-BI ", dutch, StringComparison.Ordinal);
        Assert.Matches("[+-]\\d+,\\d procentpunt", dutch);
        foreach (var type in new[] { "ontheffing", "intensivering", "vrijlating" })
        {
            Assert.Contains(type, english, StringComparison.Ordinal);
            Assert.Contains(type, dutch, StringComparison.Ordinal);
        }

        var html = summary.ToHtml().ToHtml();
        Assert.Contains("<h3>Samenvatting</h3>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_wording_follows_the_equivalence_conclusion_and_never_the_mde()
    {
        var expected = new Dictionary<string, string>
        {
            ["equivalent"] = "Smaller than the smallest effect of interest",
            ["equivalent_but_different"] = "Different from zero but smaller than the smallest effect of interest",
            ["different"] = "different from zero; whether it exceeds",
            ["exceeds_margin"] = "larger than the smallest effect of interest",
            ["inconclusive"] = "Inconclusive: the interval includes both no effect and effects beyond",
        };
        var checkedLines = 0;
        foreach (var report in run.Reports)
        {
            var lines = new ReportSummary(report).English();
            var itt = report["itt_clustered"];
            var horizon = report.Context.Experiment.PrimaryHorizonMonths;
            foreach (var arm in report.Context.Experiment.TreatmentArms)
            {
                foreach (var outcome in new[] { ReportOutcome.Full, ReportOutcome.PartialOrFull })
                {
                    if (!itt[PrimaryOutcomes.Key(arm.Code, outcome.Key, horizon)].Labels.TryGetValue("equivalence", out var conclusion))
                    {
                        continue;
                    }

                    var line = Assert.Single(lines, l => l.StartsWith($"{arm.NameNl} (", StringComparison.Ordinal) && l.Contains($", {outcome.Short}: ", StringComparison.Ordinal));
                    Assert.Contains(expected[conclusion], line, StringComparison.Ordinal);
                    Assert.All(expected.Where(e => e.Key != conclusion && !expected[conclusion].Contains(e.Value, StringComparison.Ordinal)), e => Assert.DoesNotContain(e.Value, line, StringComparison.Ordinal));
                    Assert.DoesNotContain("detect", line, StringComparison.Ordinal);
                    Assert.Contains(outcome == ReportOutcome.Full ? "primary outcome, Holm-adjusted p" : "additional outcome", line, StringComparison.Ordinal);
                    checkedLines++;
                }
            }
        }

        Assert.True(checkedLines >= 20, $"only {checkedLines} summary lines checked");
    }

    [Fact]
    public void Views_show_labels_not_keys()
    {
        var view = new MunicipalReportView(run.Report("groningen"));
        var parts = view.Design().Concat(view.Balance()).Concat(view.Effects()).Concat(view.TreatedAndDetectable()).Concat(view.Durability())
            .Concat(view.Sensitivity()).Concat(view.Subgroups()).Concat(view.Fiscal()).Concat(view.ReturnToBenefit()).Concat(view.Wellbeing()).Concat(view.Attrition());
        var text = string.Join("\n", parts.OfType<ReportTable>().Select(t => Tag().Replace(t.ToHtml(), " ")));

        foreach (var key in new[] { "partial_full_outflow", "full_outflow", "p_holm", "control_mean", "ci_low", "arm_name_nl", "earnings_disregard", "migration[" })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        Assert.Contains("Effect (pp)", text, StringComparison.Ordinal);
        Assert.Contains("95% CI (pp)", text, StringComparison.Ordinal);
        Assert.Contains("◆ main horizon: month 24", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_municipal_chart_has_axis_titles_units_and_bands()
    {
        var report = run.Report("tilburg");
        var charts = new MunicipalCharts(report);
        var figures = ReportOutcome.All.Select(charts.EffectPath)
            .Concat(Durability.Outcomes.Select(charts.Survival))
            .Append(charts.WellbeingMeans())
            .Select(c => System.Text.Json.Nodes.JsonNode.Parse(GenericChart.toFigureJson(c))!);

        foreach (var figure in figures)
        {
            var layout = figure["layout"]!;
            Assert.Contains("(", layout["yaxis"]!["title"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(layout["xaxis"]!["title"]!["text"]!.GetValue<string>()));
            Assert.Contains(figure["data"]!.AsArray(), t => t?["fill"]?.GetValue<string>() == "toself");
        }
    }

    [Fact]
    public void The_effect_path_starts_before_randomisation_and_marks_the_covid_months()
    {
        var report = run.Report("utrecht");
        var json = GenericChart.toFigureJson(new MunicipalCharts(report).EffectPath(ReportOutcome.PartialOrFull));

        Assert.Contains("before randomisation (no effect expected)", json, StringComparison.Ordinal);
        Assert.Contains("COVID-19 (from month 21)", json, StringComparison.Ordinal);
        Assert.Contains(report["effect_path"].Rows, r => int.Parse(r.Label("month"), System.Globalization.CultureInfo.InvariantCulture) < 0 && r["estimate"] is not null);
    }

    [Fact]
    public void The_synthesis_says_what_the_experiments_say_together_first_and_keeps_methods_apart()
    {
        var view = new SynthesisView(run.Synthesis, run.Files);
        var together = view.Together();

        Assert.StartsWith("In short:", together.Text, StringComparison.Ordinal);
        Assert.Contains("By component (", together.Text, StringComparison.Ordinal);
        Assert.Contains("By intervention type (sensitivity analysis):", together.Text, StringComparison.Ordinal);
        Assert.Contains("Kort gezegd:", together.Text, StringComparison.Ordinal);
        var questions = view.ByOutcome().Cast<ReportTable>().ToList();
        Assert.Equal(SynthesisView.Outcomes.Count, questions.Count);
        Assert.All(questions, q => Assert.All(q.Rows, r => Assert.Equal(SynthesisMethod.RemlHksj.Key, r.Label("method"))));
        Assert.Contains(view.MethodComparison().Rows, r => r.Label("method") == SynthesisMethod.DerSimonianLaird.Key);
    }

    [Fact]
    public void Forest_plots_show_sites_by_dutch_arm_name_the_pooled_estimate_and_the_prediction_interval_in_points()
    {
        var analysis = run.Synthesis["intensification", "partial_full_outflow", "24", SynthesisMethod.RemlHksj];
        var json = GenericChart.toFigureJson(ForestPlot.Chart(analysis));

        Assert.Contains("prediction interval", json, StringComparison.Ordinal);
        Assert.Contains("tilburg (Extra begeleiding)", json, StringComparison.Ordinal);
        Assert.Contains("percentage points", json, StringComparison.Ordinal);
        Assert.Contains(" pp", json, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
