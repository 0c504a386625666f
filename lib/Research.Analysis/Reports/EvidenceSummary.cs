using System.Globalization;
using System.Net;
using System.Text;
using Research.Analysis.Results;
using Research.Statistics.Multiplicity;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 6, the plain-language summary: what was and was not found at the primary horizon, read against the minimum
/// detectable effects, and the Maryland Scientific Methods Scale level of the evidence with its reasons and caveats.
/// Generated only from the disclosure-controlled tables.
/// </summary>
/// <remarks>
/// The SMS level rates internal validity. An individually randomised experiment starts at 5. Register outcomes drop to 4
/// when a baseline joint test rejects balance (Holm-adjusted across arms, p &lt; 0.01). Survey outcomes drop one level for more than 20% attrition at
/// the last wave and one more for differential attrition between arms (p &lt; 0.05). Non-random assignment of caseworkers,
/// a self-chosen component and selective participation limit what the effects mean and to whom they generalise; they
/// are stated as caveats rather than folded into the level, because they do not bias the randomised comparison.
/// </remarks>
public sealed class EvidenceSummary
{
    /// <summary>Holm-adjusted level below which a baseline joint test counts as imbalance.</summary>
    public const double ImbalanceLevel = 0.01;

    /// <summary>Attrition above which survey evidence is downgraded.</summary>
    public const double AttritionThreshold = 0.20;

    private EvidenceSummary(int registerLevel, int surveyLevel, IReadOnlyList<string> findings, IReadOnlyList<string> reasons, IReadOnlyList<string> caveats, ResultTable table)
    {
        RegisterLevel = registerLevel;
        SurveyLevel = surveyLevel;
        Findings = findings;
        Reasons = reasons;
        Caveats = caveats;
        Table = table;
    }

    /// <summary>SMS level of the register (outflow) evidence.</summary>
    public int RegisterLevel { get; }

    /// <summary>SMS level of the survey (wellbeing) evidence.</summary>
    public int SurveyLevel { get; }

    /// <summary>Plain-language findings, one per paragraph.</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>Why the levels are what they are.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Limits of interpretation and generalisation.</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <summary>Table <c>evidence</c>: keys <c>sms|register</c> and <c>sms|survey</c>, value <c>level</c>.</summary>
    public ResultTable Table { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Table];

    /// <summary>Writes the summary.</summary>
    public static EvidenceSummary Compute(ReportContext context, PrimaryOutcomes primary, BalanceSection balance, Wellbeing wellbeing, Attrition attrition)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(wellbeing);
        ArgumentNullException.ThrowIfNull(attrition);
        var c = CultureInfo.InvariantCulture;
        var e = context.Experiment;
        var horizon = e.PrimaryHorizonMonths;
        var findings = new List<string>();
        foreach (var outcome in new[] { ReportOutcome.PartialOrFull, ReportOutcome.Full })
        {
            foreach (var arm in e.TreatmentArms)
            {
                var row = primary.IttClustered[PrimaryOutcomes.Key(arm.Code, outcome.Key, horizon)];
                var mde = primary.Mde[$"{arm.Code}|{outcome.Key}"];
                findings.Add(Finding(arm.NameNl, outcome, horizon, row, mde));
            }
        }

        var wellbeingHits = wellbeing.Effects.Rows.Where(r => r["p_holm"] is < 0.05).ToList();
        findings.Add(wellbeingHits.Count == 0
            ? string.Create(c, $"Wellbeing: no instrument shows a difference from the control arm at the last survey wave that survives the Holm correction across arms ({wellbeing.Instruments.Count} instruments).")
            : "Wellbeing: differences from the control arm at the last wave (Holm-adjusted p < 0.05) on " + string.Join("; ", wellbeingHits.Select(r =>
                string.Create(c, $"{r.Labels["instrument_name"]} in {r.Labels["arm_name_nl"]} ({r[ResultValue.Estimate]:+0.00;-0.00} points, {r["effect_sd"]:+0.00;-0.00} SD{(r.Labels["higher_means"].Length > 0 ? "; higher means " + r.Labels["higher_means"] : string.Empty)})"))) + ". Several instruments were tested, so single findings deserve caution.");

        var reasons = new List<string> { "Participants were randomised individually to the arms: the design starts at level 5." };
        var registerLevel = 5;
        var joint = balance.Balance.Rows.Where(r => r.Key.StartsWith("joint|", StringComparison.Ordinal) && r[ResultValue.PValue] is not null).ToList();
        var adjusted = PValueAdjustment.Holm(joint.Select(r => r[ResultValue.PValue]!.Value).ToList());
        var imbalanced = joint.Where((_, i) => adjusted[i] < ImbalanceLevel).Select(r => r.Labels["arm_name_nl"]).ToList();
        if (imbalanced.Count > 0)
        {
            registerLevel = 4;
            reasons.Add($"Baseline characteristics predict assignment to {string.Join(", ", imbalanced)} (joint test, Holm-adjusted across arms, p < 0.01): the randomisation may not have produced comparable groups, level 4.");
        }
        else
        {
            reasons.Add("The arms are balanced at baseline: no joint test rejects at the 1% level after the Holm correction across arms.");
        }

        var surveyLevel = registerLevel;
        if (attrition.LastWaveAttrition > AttritionThreshold)
        {
            surveyLevel--;
            reasons.Add(string.Create(c, $"Survey outcomes: {attrition.LastWaveAttrition * 100:0}% of those randomised did not answer the last wave (more than {AttritionThreshold * 100:0}%), so the survey evidence is one level lower."));
        }

        if (attrition.LastWaveTestP is < 0.05)
        {
            surveyLevel--;
            reasons.Add(string.Create(c, $"Survey outcomes: response at the last wave differs between arms (p = {attrition.LastWaveTestP:0.000}), which can bias the comparison; one level lower."));
        }

        var caveats = new List<string>
        {
            "Caseworkers were not assigned at random. Effects include how the caseworkers of each arm delivered the regime; standard errors are clustered by caseworker (itt_clustered), which widens the intervals.",
        };
        foreach (var arm in e.TreatmentArms.Where(a => a.ComponentSelfChosen))
        {
            caveats.Add($"In {arm.NameNl} participants chose the component themselves: the arm's effect is that of offering a choice; differences between the chosen components are not randomised comparisons.");
        }

        var participation = e.Participants / (double)e.Invited;
        caveats.Add(participation < 0.5
            ? string.Create(c, $"Participation was voluntary and only {participation * 100:0}% of those invited took part: participants may have had better job chances than recipients in general, which limits generalisation (external validity), not the comparison between arms.")
            : string.Create(c, $"Participation was voluntary ({participation * 100:0}% of those invited took part); effects apply to recipients willing to take part."));
        caveats.Add("Every published number rests on at least ten persons (statistical disclosure control); withheld cells show as –.");

        var table = Publication.Table("evidence", "Maryland Scientific Methods Scale level of the evidence",
        [
            Publication.Row("sms|register", [("evidence", "register outcomes")], [("level", registerLevel)]),
            Publication.Row("sms|survey", [("evidence", "survey outcomes")], [("level", surveyLevel)]),
        ], reasons);
        return new EvidenceSummary(registerLevel, surveyLevel, findings, reasons, caveats, table);
    }

    /// <summary>The summary as HTML.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"evidence-summary\"><h4>What was and was not found</h4><ul>");
        foreach (var finding in Findings)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(finding)).Append("</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><h4>Strength of the evidence: Maryland SMS level {RegisterLevel} (register outcomes), {SurveyLevel} (survey outcomes)</h4><ul>");
        foreach (var reason in Reasons)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(reason)).Append("</li>");
        }

        html.Append("</ul><h4>Caveats</h4><ul>");
        foreach (var caveat in Caveats)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(caveat)).Append("</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join('\n', Findings.Select(f => "- " + f)) + "\n"
        + string.Create(CultureInfo.InvariantCulture, $"Maryland SMS level {RegisterLevel} (register), {SurveyLevel} (survey)\n")
        + string.Join('\n', Reasons.Concat(Caveats).Select(r => "- " + r));

    private static string Finding(string arm, ReportOutcome outcome, int horizon, ResultRow itt, ResultRow mde)
    {
        var c = CultureInfo.InvariantCulture;
        var what = outcome.Key == ReportOutcome.PartialOrFull.Key ? "working more than 12 hours a week" : "working more than 27 hours a week and off benefit";
        if (itt[ResultValue.Estimate] is not { } estimate || itt[ResultValue.CiLow] is not { } low || itt[ResultValue.CiHigh] is not { } high || itt["p_holm"] is not { } p)
        {
            return $"{arm}, {what}: withheld because the arm or the control has fewer than ten persons.";
        }

        var control = itt["control_mean"] is { } share ? string.Create(c, $"{share * 100:0.0}% in the control arm") : "the control arm (share withheld: small numbers)";
        var text = string.Create(c, $"{arm}, {what} at month {horizon}: {estimate * 100:+0.0;-0.0;0.0} percentage points against {control} (95% interval {low * 100:+0.0;-0.0;0.0} to {high * 100:+0.0;-0.0;0.0}, clustered by caseworker). ");
        if (p < 0.05)
        {
            return text + string.Create(c, $"This is a statistically significant {(estimate > 0 ? "increase" : "decrease")} (Holm-adjusted p = {p:0.000}).");
        }

        text += string.Create(c, $"No clear effect (Holm-adjusted p = {p:0.000}). ");
        return mde["mde"] is { } size
            ? text + string.Create(c, $"The comparison could detect effects of {size * 100:0.0} points with 80% power; ")
                + (mde.Labels["ci_excludes_mde"] == "yes"
                    ? "the interval rules out effects that large, so the null result is informative."
                    : "the interval does not rule out effects that large, so the absence of evidence is not evidence of no effect.")
            : text;
    }
}
