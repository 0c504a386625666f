using System.Globalization;
using Research.Analysis.Reports;
using Research.Analysis.Reports.Tables;
using Research.Analysis.Results;
using Research.Reporting.Tables;

namespace Research.Reporting.Municipal;

/// <summary>
/// A municipal report as readers see it: each method returns what one notebook cell displays (HTML fragments, tables
/// and charts), from the published tables only, with labels instead of keys and effects in percentage points.
/// </summary>
/// <example>
/// <code>
/// var view = new MunicipalReportView(MunicipalReport.Compute(ReportContext.Load(extracts, "utrecht")));
/// view.Summary()
/// foreach (var part in view.Effects()) display(part);
/// </code>
/// </example>
public sealed class MunicipalReportView
{
    /// <summary>The view of <paramref name="report"/>.</summary>
    public MunicipalReportView(MunicipalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        Charts = new MunicipalCharts(report);
    }

    /// <summary>The report.</summary>
    public MunicipalReport Report { get; }

    /// <summary>Its charts.</summary>
    public MunicipalCharts Charts { get; }

    private int MainHorizon => Report.Context.Experiment.PrimaryHorizonMonths;

    private string MainHorizonNote => string.Create(CultureInfo.InvariantCulture, $"main horizon: month {MainHorizon} after randomisation, assumed: no pre-registration of the horizon is known for this experiment.");

    /// <summary>The report's stylesheet and title.</summary>
    public Html Title()
    {
        var e = Report.Context.Experiment;
        var title = $"{e.Title} ({e.NameNl})";
        return new Html(ReportStyle.Element.Content + $"<p class=\"report-title\">{Html.Encode(title)}</p>", title);
    }

    /// <summary>The summary in English and Dutch, side by side.</summary>
    public Html Summary() => new ReportSummary(Report).ToHtml();

    /// <summary>Section 1: design facts, arms, flow diagram and flow table.</summary>
    public IReadOnlyList<object> Design()
    {
        var e = Report.Context.Experiment;
        var c = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)>
        {
            ("Experiment", $"{e.Title} ({e.NameNl})"),
            ("Research team", e.ResearchTeam ?? "not recorded"),
            ("Intake and randomisation", string.Create(c, $"{e.IntakeStart:yyyy-MM-dd} to {e.IntakeEnd:yyyy-MM-dd}")),
            ("End of the intervention period", e.InterventionEnd.ToString("yyyy-MM-dd", c)),
            ("Main horizon (assumed: no pre-registration known)", string.Create(c, $"{e.PrimaryHorizonMonths} months after randomisation")),
            ("Randomisation strata", e.StratifiedBy ?? "none recorded"),
            ("Survey waves", string.Join("; ", e.SurveyWaves.Select(w => string.Create(c, $"wave {w.Wave} at month {w.MonthsAfterRandomisation}")))),
        };
        if (e.Notes is { } notes)
        {
            facts.Add(("Notes", notes));
        }

        var list = new Html("<dl class=\"report-design\">" + string.Concat(facts.Select(f => $"<dt>{Html.Encode(f.Item1)}</dt><dd>{Html.Encode(f.Item2)}</dd>")) + "</dl>",
            string.Join("\n", facts.Select(f => $"{f.Item1}: {f.Item2}")));
        return
        [
            list,
            Table("arms", ["arm_name_nl", "arm_type_nl", "arm_name_en", "description", ResultValue.N]),
            new ConsortDiagram(Report["flow"], e),
            Table("flow", ["stage_label", "arm_name_nl", ResultValue.N]),
        ];
    }

    /// <summary>Section 2: balance at baseline, arms side by side, and the joint tests.</summary>
    public IReadOnlyList<object> Balance() =>
    [
        BalanceView.Wide(Report["balance"], Report.Context.Experiment).WithMinimumCount(MinimumCount),
        Table("balance", ["arm_name_nl", "F", "df1", "df2", ResultValue.PValue, "n_compared"]).Where(r => r.Key.StartsWith("joint|", StringComparison.Ordinal)).Titled("Joint tests of balance"),
    ];

    /// <summary>
    /// Section 3: the monthly share in each outcome by arm. An outcome whose shares are withheld in every month (an arm
    /// with fewer than the minimum in it, joined to the others by the monthly effects) gets a note instead of an empty chart.
    /// </summary>
    public IReadOnlyList<object> Trends() => [.. ReportOutcome.All.Select(o => Report["monthly_shares"].Rows.Any(r => r.Label("outcome") == o.Key && r["share"] is not null)
        ? Charts.Trend(o)
        : (object)Html.Paragraph($"{o.Label}: the monthly shares are withheld in every month, because in some arm fewer than {MinimumCount} persons are in the outcome (or out of it), and the monthly effects would reveal that arm's share from the others'. The effect month by month below shows the differences.", "note"))];

    /// <summary>Section 3: the effects at the main horizon, then at every horizon (main marked), then with the other inference methods.</summary>
    public IReadOnlyList<object> Effects()
    {
        var primary = PrimaryTables.IttName(Report.Specification.Effects.Primary);
        string[] columns = ["outcome_label", "arm_name_nl", "arm_type_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, ResultValue.AdjustedP, "control_mean", "n_arm", "n_control"];
        var parts = new List<object>
        {
            Table(primary, columns).Where(IsMainHorizon).Titled(string.Create(CultureInfo.InvariantCulture, $"Effects at month {MainHorizon} (main horizon), {Report.Specification.Effects.Primary.Label}")),
            Table(primary, ["outcome_label", "horizon", "arm_name_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.AdjustedP, "df", "control_mean"])
                .Highlight(IsMainHorizon, MainHorizonNote),
        };
        parts.AddRange(Report.Specification.Effects.Methods.Where(m => m != Report.Specification.Effects.Primary).Select(m =>
            (object)Table(PrimaryTables.IttName(m), ["outcome_label", "horizon", "arm_name_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.AdjustedP])
                .Highlight(IsMainHorizon, MainHorizonNote)));
        return parts;
    }

    /// <summary>Section 3: the effects month by month, from a year before randomisation (the pre-trend check).</summary>
    public IReadOnlyList<object> EffectPaths() => [.. ReportOutcome.All.Select(Charts.EffectPath)];

    /// <summary>Section 3: the effects under other definitions of full outflow.</summary>
    public IReadOnlyList<object> Sensitivity() =>
        [Table("definitions", ["definition_label", "arm_name_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "control_mean", "n_arm", "n_control"])];

    /// <summary>Section 3: effects by subgroup (exploratory), one table per outcome, and the tests of differences between subgroups.</summary>
    public IReadOnlyList<object> Subgroups() =>
    [
        .. Analysis.Reports.Subgroups.Outcomes.Select(o => (object)Table("subgroups", ["dimension_label", "level", "arm_name_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "n_arm", "n_control"])
            .Where(r => r.Label("outcome") == o.Key).Titled($"Exploratory: effects on '{o.Label}' by subgroup at month {MainHorizon}")),
        Table("subgroup_tests", ["dimension_label", "outcome_label", "F", "df1", "df2", ResultValue.PValue]),
    ];

    /// <summary>Section 4: benefit paid per participant, and the benefit saved.</summary>
    public IReadOnlyList<object> Fiscal() =>
        [Table("fiscal", ["arm_name_nl", "arm_type_nl", "horizon", "control_mean", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "n_arm", "n_control"])
            .Highlight(IsMainHorizon, MainHorizonNote)];

    /// <summary>Section 4: return to benefit after leaving it.</summary>
    public IReadOnlyList<object> ReturnToBenefit() =>
        [Table("return_to_benefit", ["arm_name_nl", "n_left", "returned", ResultValue.CiLow, ResultValue.CiHigh])];

    /// <summary>The COVID-19 note: which months of follow-up fall in the pandemic.</summary>
    public Html Covid()
    {
        var covid = Report.Covid;
        var e = Report.Context.Experiment;
        var c = CultureInfo.InvariantCulture;
        var later = Report.Primary.Horizons.Where(h => h >= covid.FromAny).ToList();
        var text = (covid.FromAny == covid.FromAll
                ? string.Create(c, $"The COVID-19 pandemic reached the Netherlands in March 2020: month {covid.FromAny} after randomisation for every participant (intake {e.IntakeStart:MMMM yyyy}). ")
                : string.Create(c, $"The COVID-19 pandemic reached the Netherlands in March 2020: month {covid.FromAny} after randomisation for the last participants randomised and month {covid.FromAll} for the first (intake {e.IntakeStart:MMMM yyyy} to {e.IntakeEnd:MMMM yyyy}). "))
            + (later.Count == 0
                ? "None of the horizons reported here falls in it."
                : string.Create(c, $"Outcomes at month {string.Join(" and ", later)} fall (partly) in the pandemic, when the labour market and the municipalities' own work changed; effects there mix the regime with the pandemic. The charts shade these months."))
            + (covid.FromAny <= e.PrimaryHorizonMonths ? " The main horizon itself falls in the pandemic for some participants." : string.Empty);
        return Html.Paragraph(text, "note");
    }

    /// <summary>Section 3: effects on those who took up, and what the study could detect.</summary>
    public IReadOnlyList<object> TreatedAndDetectable() =>
    [
        Table("att", ["outcome_label", "horizon", "arm_name_nl", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "take_up"]).Highlight(IsMainHorizon, MainHorizonNote),
        Table("mde", ["outcome_label", "arm_name_nl", "mde", "ci_excludes_mde", "icc", "design_effect", "control_mean"]),
    ];

    /// <summary>Section 4: durable outflow, Kaplan–Meier curves and their summary.</summary>
    public IReadOnlyList<object> Durability() =>
    [
        Table("durable", ["outcome_label", "arm_name_nl", "share", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "hc2_shown", ResultValue.N]),
        .. Analysis.Reports.Durability.Outcomes.Select(Charts.Survival),
        Table("survival", ["outcome_label", "arm_name_nl", "median_months", "median_low", "median_high", "n_events", ResultValue.N, "chi2", ResultValue.PValue, "unclustered_shown"]),
    ];

    /// <summary>
    /// Section 5: the primary survey outcome (the wellbeing index: response-weighted and unweighted effects, Lee bounds),
    /// then reliability, mean scores by wave, and each instrument's effect at the last wave (secondary, BH-adjusted).
    /// </summary>
    public IReadOnlyList<object> Wellbeing() =>
    [
        Table("wellbeing_index", ["arm_name_nl", "estimator", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "hc2_shown", "n_arm", "n_control"]),
        Table("wellbeing_bounds", ["arm_name_nl", "lower", "upper", ResultValue.CiLow, ResultValue.CiHigh, "trimmed", "trimming", "response_arm", "response_control"]),
        Table("reliability", ["instrument_name", "score", "alpha", "omega", "items", ResultValue.N]),
        Charts.WellbeingMeans(),
        Table("wellbeing", ["instrument_name", "arm_name_nl", "higher_means", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, ResultValue.BenjaminiHochbergP, "effect_sd", ResultValue.N]),
    ];

    /// <summary>Section 5: survey response by wave and arm.</summary>
    public IReadOnlyList<object> Attrition() =>
        [Table("attrition", ["wave", "arm_name_nl", "response", ResultValue.N, "n_responded", "F", ResultValue.PValue])];

    /// <summary>The strength of the evidence and the limits of interpretation.</summary>
    public Html Evidence()
    {
        var e = Report.Evidence;
        var c = CultureInfo.InvariantCulture;
        var caveats = new List<string>
        {
            "Caseworkers were not assigned at random. Effects include how the caseworkers of each arm delivered the regime; standard errors are clustered by caseworker.",
        };
        caveats.AddRange(e.SelfChosenArms.Select(a => $"In {a.NameNl} participants chose the component themselves: the arm's effect is that of offering a choice; differences between the chosen components are not randomised comparisons."));
        caveats.Add(e.ParticipationRate < 0.5
            ? string.Create(c, $"Participation was voluntary and only {e.ParticipationRate * 100:0}% of those invited took part: participants may have had better job chances than recipients in general, which limits generalisation (external validity), not the comparison between arms.")
            : string.Create(c, $"Participation was voluntary ({e.ParticipationRate * 100:0}% of those invited took part); effects apply to recipients willing to take part."));
        caveats.Add(string.Create(c, $"Every published number rests on at least {MinimumCount} persons (statistical disclosure control, see the note on disclosure control); withheld cells show as – with a letter naming the rule."));
        var content = string.Create(c, $"<h4>Maryland SMS level {e.RegisterLevel} (register outcomes), {e.SurveyLevel} (survey outcomes)</h4>")
            + Html.List(e.Reasons()).Content + "<h4>Caveats</h4>" + Html.List(caveats).Content;
        return new Html(content, string.Join("\n", e.Reasons().Concat(caveats)));
    }

    private int MinimumCount => Report.Specification.Disclosure.MinimumCount;

    private bool IsMainHorizon(ResultRow row) => row.Labels.TryGetValue("horizon", out var h) && h == MainHorizon.ToString(CultureInfo.InvariantCulture);

    private ReportTable Table(string name, IReadOnlyList<string> columns) => new ReportTable(Report[name], columns).WithMinimumCount(MinimumCount);
}
