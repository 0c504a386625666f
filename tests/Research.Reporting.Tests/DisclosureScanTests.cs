using System.Globalization;
using System.Text.Json.Nodes;
using Research.Analysis.Disclosure;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Reporting.Municipal;
using Research.Reporting.Publication;

namespace Research.Reporting.Tests;

public sealed class DisclosureScanTests(PlantedSmallArm planted) : IClassFixture<PlantedSmallArm>
{
    private DisclosureScan Scan => new(DisclosureControl.CbsMinimumCount, DisclosureScan.PersonIds(planted.Extracts));

    [Fact]
    public void The_planted_arm_really_has_eight_persons()
    {
        Assert.Equal(PlantedSmallArm.Size, planted.Report.Context.Arms.Count(a => a == PlantedSmallArm.Arm));
    }

    [Fact]
    public void Without_disclosure_control_the_scan_catches_the_planted_arm_of_eight()
    {
        var open = MunicipalReport.Compute(planted.Report.Context, planted.Report.Specification with { Disclosure = new DisclosureControl(1) });

        var findings = Scan.ScanResults(open.ToResultFile(), "unprotected").ToList();

        Assert.Contains(findings, f => f.Where == $"arms / {PlantedSmallArm.Arm} / n" && f.Problem.Contains("shows 8 persons", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Where.StartsWith("flow / ", StringComparison.Ordinal));
    }

    [Fact]
    public void With_disclosure_control_the_results_charts_and_tables_reveal_nothing_small()
    {
        var report = planted.Report;
        var charts = new MunicipalCharts(report);
        var figures = ReportOutcome.All.Select(charts.Trend).Concat(Durability.Outcomes.Select(charts.Survival))
            .Select(c => JsonNode.Parse(Plotly.NET.GenericChart.toFigureJson(c)));
        var view = new MunicipalReportView(report);
        var html = string.Concat(view.Design().Concat(view.Balance()).Concat(view.Effects()).Concat(view.Durability()).Concat(view.Attrition())
            .Select(p => p switch { Html h => h.ToHtml(), Tables.ReportTable t => t.ToHtml(), ConsortDiagram d => d.ToHtml(), _ => string.Empty }));

        var findings = Scan.ScanResults(report.ToResultFile(), "utrecht.results.json")
            .Concat(figures.SelectMany((f, i) => Scan.ScanFigure(f, "charts", i.ToString(CultureInfo.InvariantCulture))))
            .Concat(Scan.ScanHtml(html, "view", "page")).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_subtractions_the_issue_names_do_not_give_the_small_arm()
    {
        var file = planted.Report.ToResultFile();
        var flow = file["flow"];
        var arms = planted.Report.Context.Experiment.Arms.Select(a => a.Code).ToList();
        double? N(ResultTable table, string key, string column = ResultValue.N) => table.Rows.FirstOrDefault(r => r.Key == key)?.Values.GetValueOrDefault(column);

        // Randomised minus the other arms.
        var others = arms.Where(a => a != PlantedSmallArm.Arm).Select(a => N(flow, $"randomised|{a}")).ToList();
        Assert.True(N(flow, "randomised") is null || others.Any(o => o is null), "the total and every other arm are published");

        // A joint test's n minus the control's n.
        Assert.Null(N(file["balance"], $"joint|{PlantedSmallArm.Arm}", "n_compared"));

        // Responders per wave minus the other arms.
        foreach (var wave in planted.Report.Context.Experiment.SurveyWaves)
        {
            var total = N(flow, $"responded_w{wave.Wave}");
            var rest = arms.Where(a => a != PlantedSmallArm.Arm).Select(a => N(flow, $"responded_w{wave.Wave}|{a}")).ToList();
            Assert.True(total is null || rest.Any(r => r is null) || total - rest.Sum() is 0 or >= 10, $"wave {wave.Wave}: {total} minus {string.Join(" + ", rest)}");
        }

        // Kaplan–Meier shares times the arm's size: the small arm has no published curve point.
        Assert.DoesNotContain(file["survival_curve"].Rows, r => r.Label("arm") == PlantedSmallArm.Arm && r["out"] is not null);
        Assert.All(file.Tables.SelectMany(t => t.Rows).Where(r => r.Labels.GetValueOrDefault("arm") == PlantedSmallArm.Arm),
            r => Assert.All(r.Values.Where(v => v.Value is not null), v => Assert.True(v.Key is not (ResultValue.N or "n_arm" or "share" or "out"), $"{r.Key} / {v.Key} = {v.Value}")));
    }

    [Fact]
    public void A_person_identifier_in_any_output_is_found()
    {
        var id = DisclosureScan.PersonIds(planted.Extracts).First();
        var path = Path.Combine(planted.Directory, "leak.html");
        File.WriteAllText(path, $"<p>An example: person {id} found work.</p>");

        var finding = Assert.Single(Scan.ScanFile(path, "leak.html"));

        Assert.Contains(id, finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_steps_in_chart_data_are_found()
    {
        var figure = JsonNode.Parse("""{"data":[{"name":"arm","meta":{"kind":"cumulative_share"},"x":[0,3,6],"y":[0,0.2,0.23],"customdata":[100,100,100]}]}""");

        var findings = Scan.ScanFigure(figure, "chart.html", "chart 1").ToList();

        Assert.Contains(findings, f => f.Problem.Contains("3 persons between two points", StringComparison.Ordinal));
    }
}
