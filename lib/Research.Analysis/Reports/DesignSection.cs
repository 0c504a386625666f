using System.Globalization;
using System.Net;
using System.Text;
using Research.Analysis.Results;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 1, the design: the arms (Dutch names, what each changed, how many were randomised) and the CONSORT-style
/// flow invited → randomised → took up → in the register at the primary horizon → responded per survey wave.
/// </summary>
public sealed class DesignSection
{
    private readonly ReportContext _context;

    private DesignSection(ReportContext context, ResultTable arms, ResultTable flow)
    {
        _context = context;
        ArmsTable = arms;
        Flow = flow;
    }

    /// <summary>Table <c>arms</c>: one row per arm (key: arm code), n randomised.</summary>
    public ResultTable ArmsTable { get; }

    /// <summary>
    /// Table <c>flow</c>: key <c>{stage}</c> for a stage's total and <c>{stage}|{arm}</c> per arm; stages <c>invited</c>,
    /// <c>randomised</c>, <c>took_up</c>, <c>in_register</c>, <c>responded_w{k}</c>; values <c>n</c>.
    /// </summary>
    public ResultTable Flow { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [ArmsTable, Flow];

    /// <summary>Counts the flow.</summary>
    public static DesignSection Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var experiment = context.Experiment;
        var panel = context.Panel;
        var arms = experiment.Arms.Select(a => Publication.Row(
            a.Code,
            [("arm", a.Code), ("arm_name_nl", a.NameNl), ("arm_name_en", a.NameEn), ("arm_type", a.TypeLabel), ("description", a.Description),
             ("component_self_chosen", a.ComponentSelfChosen ? "yes" : "no")],
            [(ResultValue.N, context.Arms.Count(x => x == a.Code))]));

        var respondents = Respondents(context);
        var stages = new List<(string Stage, string Label, Func<int, bool> Counts, bool Control)>
        {
            ("randomised", "Randomised", _ => true, true),
            ("took_up", "Took up the assigned intervention", p => panel.TookUp[p], false),
            ("in_register", string.Create(CultureInfo.InvariantCulture, $"In register data at month {experiment.PrimaryHorizonMonths}"),
                p => panel.IsObserved(p, experiment.PrimaryHorizonMonths), true),
        };
        stages.AddRange(experiment.SurveyWaves.Select(w => (
            string.Create(CultureInfo.InvariantCulture, $"responded_w{w.Wave}"),
            string.Create(CultureInfo.InvariantCulture, $"Responded to survey wave {w.Wave} (month {w.MonthsAfterRandomisation})"),
            (Func<int, bool>)(p => respondents.Contains((panel.Ids[p], w.Wave))),
            true)));

        var flow = new List<ResultRow>
        {
            Publication.Row("invited", [("stage", "invited"), ("stage_label", "Invited to take part"), ("arm", "all")], [(ResultValue.N, experiment.Invited)]),
        };
        foreach (var (stage, label, counts, control) in stages)
        {
            var armRows = experiment.Arms.Where(a => control || !a.IsControl).Select(a => Publication.Row(
                $"{stage}|{a.Code}",
                [("stage", stage), ("stage_label", label), ("arm", a.Code)],
                [(ResultValue.N, context.Persons.Where((p, i) => context.Arms[i] == a.Code && counts(p)).Count())])).ToList();
            flow.Add(Publication.Row(stage, [("stage", stage), ("stage_label", label), ("arm", "all")], [(ResultValue.N, armRows.Sum(r => r[ResultValue.N]))]));
            flow.AddRange(armRows);
        }

        return new DesignSection(
            context,
            Publication.Table("arms", "Experimental arms", arms, ["n: participants randomised to the arm."]),
            Publication.Table("flow", "Participant flow (CONSORT)", flow,
            [
                "Invited: the number of recipients invited according to the experiment design (CPB 2022), not counted from the extract.",
                "In register data: the register covers the month of the primary horizon for the person.",
            ], r => r.Labels["stage"]));
    }

    /// <summary>The design facts: title, team, dates, horizon, stratification, waves and caveats, as HTML.</summary>
    public string DesignHtml()
    {
        var e = _context.Experiment;
        var c = CultureInfo.InvariantCulture;
        var items = new List<(string, string)>
        {
            ("Experiment", $"{e.Title} ({e.NameNl})"),
            ("Research team", e.ResearchTeam ?? "not recorded"),
            ("Intake and randomisation", string.Create(c, $"{e.IntakeStart:yyyy-MM-dd} to {e.IntakeEnd:yyyy-MM-dd}")),
            ("End of the intervention period", e.InterventionEnd.ToString("yyyy-MM-dd", c)),
            ("Pre-registered primary horizon", string.Create(c, $"{e.PrimaryHorizonMonths} months after randomisation")),
            ("Randomisation strata", e.StratifiedBy ?? "none recorded"),
            ("Survey waves", string.Join("; ", e.SurveyWaves.Select(w => string.Create(c, $"wave {w.Wave} at month {w.MonthsAfterRandomisation}")))),
        };
        if (e.Notes is { } notes)
        {
            items.Add(("Notes", notes));
        }

        var html = new StringBuilder("<dl class=\"report-design\">");
        foreach (var (term, text) in items)
        {
            html.Append("<dt><b>").Append(WebUtility.HtmlEncode(term)).Append("</b></dt><dd>").Append(WebUtility.HtmlEncode(text)).Append("</dd>");
        }

        return html.Append("</dl>").ToString();
    }

    /// <summary>The CONSORT diagram (from the disclosure-controlled flow table) as HTML.</summary>
    public ConsortDiagram Diagram() => new(Flow, _context.Experiment);

    /// <summary>The (person id, wave) pairs with a survey response.</summary>
    internal static HashSet<(string Person, int Wave)> Respondents(ReportContext context)
    {
        var set = new HashSet<(string, int)>();
        if (context.Extract.SurveyResponses is { } survey)
        {
            var ids = survey.Strings("person_id");
            var waves = survey.Integers("wave");
            for (var row = 0; row < survey.RowCount; row++)
            {
                if (ids[row] is { } id && waves[row] is { } wave)
                {
                    set.Add((id, checked((int)wave)));
                }
            }
        }

        return set;
    }
}
