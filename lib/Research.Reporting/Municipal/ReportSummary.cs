using Research.Analysis.Reports;
using Research.Analysis.Reports.Tables;
using Research.Analysis.Results;
using Research.Data.Design;
using Research.Reporting.Text;

namespace Research.Reporting.Municipal;

/// <summary>
/// The plain-language summary of a municipal report, in English and in Dutch (<i>samenvatting</i>), written only from the
/// published (disclosure-controlled) tables: a number withheld there is never mentioned here.
/// </summary>
public sealed class ReportSummary
{
    private readonly MunicipalReport _report;

    /// <summary>The summary of <paramref name="report"/>.</summary>
    public ReportSummary(MunicipalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
    }

    private Experiment Experiment => _report.Context.Experiment;

    private int Horizon => Experiment.PrimaryHorizonMonths;

    private ResultTable Itt => _report[PrimaryTables.IttName(_report.Specification.Effects.Primary)];

    private double Margin => _report.Specification.Effects.Options.SmallestEffectOfInterest;

    /// <summary>The English summary: what was found at the main horizon, wellbeing, and the strength of the evidence.</summary>
    public IReadOnlyList<string> English()
    {
        var n = Numbers.English;
        var lines = new List<string>
        {
            $"{Experiment.Title} ({Experiment.NameNl}): {Experiment.TreatmentArms.Count()} adapted regime(s) of the Participatiewet compared with the regular regime, "
                + $"{Randomised(n)} participants randomised individually. Effects below are at month {Horizon} after randomisation, the main horizon (assumed: no pre-registration of the horizon is known), "
                + $"Lin-adjusted for the pre-specified prognostic covariates, with 95% intervals ({_report.Specification.Effects.Primary.Label}). "
                + $"The primary outcome (Kamerbrief) is working more than 27 hours a week and off benefit; its hypotheses are Holm-corrected across the arms. More than 12 hours a week is the additional outcome. "
                + $"Effects within ±{n.Fixed(Margin * 100, 0)} percentage points are taken as too small to matter (the smallest effect of interest).",
        };
        foreach (var outcome in Headline)
        {
            foreach (var arm in Experiment.TreatmentArms)
            {
                lines.Add(EnglishFinding(arm, outcome));
            }
        }

        if (Fiscal() is { } fiscal)
        {
            lines.Add($"Benefit paid: over months 1 to {Horizon} the control arm received {n.Euro(fiscal.Control)} per person; the difference per participant (negative: benefit saved) was "
                + string.Join("; ", fiscal.Effects.Select(f => $"{n.SignedEuro(f.Estimate)} in {f.Arm} (95% CI {n.SignedEuro(f.Low)} to {n.SignedEuro(f.High)})")) + ".");
        }

        lines.Add(WellbeingIndexEnglish(n));
        var hits = WellbeingHits();
        lines.Add(hits.Count == 0
            ? $"Secondary: no single instrument shows a difference from the control arm at the last survey wave with a false discovery rate below 5% (Benjamini–Hochberg across {_report.Wellbeing.Instruments.Count} instruments)."
            : "Secondary: single instruments that differ from the control arm at the last wave (Benjamini–Hochberg-adjusted p < 0.05): "
                + string.Join("; ", hits.Select(r => $"{r.Label("instrument_name")} in {r.Label("arm_name_nl")} ({n.Signed(r[ResultValue.Estimate]!.Value, 2)} points)"))
                + ". These are secondary outcomes; the index is the one primary test.");
        var e = _report.Evidence;
        lines.Add($"Strength of the evidence (Maryland Scientific Methods Scale): level {e.RegisterLevel} for the register outcomes, level {e.SurveyLevel} for the survey outcomes.");
        return lines;
    }

    /// <summary>The Dutch summary (<i>samenvatting</i>) with the same content as <see cref="English"/>.</summary>
    public IReadOnlyList<string> Dutch()
    {
        var n = Numbers.Dutch;
        var lines = new List<string>
        {
            $"{Experiment.Title} ({Experiment.NameNl}): {Experiment.TreatmentArms.Count()} aangepaste regime(s) van de Participatiewet vergeleken met het reguliere regime; "
                + $"{Randomised(n)} deelnemers zijn individueel geloot. De effecten hieronder gelden {Horizon} maanden na de loting, de hoofdhorizon (aangenomen: een vooraf vastgelegde horizon is niet bekend), "
                + "gecorrigeerd voor vooraf gekozen achtergrondkenmerken (Lin), met 95%-betrouwbaarheidsintervallen (standaardfouten geclusterd naar klantmanager, nooit smaller dan zonder clustering). "
                + "De primaire uitkomst (Kamerbrief) is meer dan 27 uur per week werken en uit de bijstand; die toetsen zijn over de groepen gecorrigeerd met Holm. Meer dan 12 uur per week is de aanvullende uitkomst. "
                + $"Effecten binnen ±{n.Fixed(Margin * 100, 0)} procentpunt gelden als te klein om ertoe te doen (het kleinste beleidsrelevante effect).",
        };
        foreach (var outcome in Headline)
        {
            foreach (var arm in Experiment.TreatmentArms)
            {
                lines.Add(DutchFinding(arm, outcome));
            }
        }

        if (Fiscal() is { } fiscal)
        {
            lines.Add($"Uitkeringslasten: in maand 1 tot en met {Horizon} ontving de controlegroep {n.Euro(fiscal.Control)} per persoon; het verschil per deelnemer (negatief: besparing) was "
                + string.Join("; ", fiscal.Effects.Select(f => $"{n.SignedEuro(f.Estimate)} bij {f.Arm} (95%-BI {n.SignedEuro(f.Low)} tot {n.SignedEuro(f.High)})")) + ".");
        }

        lines.Add(WellbeingIndexDutch(n));
        var hits = WellbeingHits();
        lines.Add(hits.Count == 0
            ? $"Secundair: geen enkel instrument laat bij de laatste meting een verschil met de controlegroep zien bij een false discovery rate onder 5% (Benjamini–Hochberg over {_report.Wellbeing.Instruments.Count} instrumenten)."
            : "Secundair: losse instrumenten die bij de laatste meting verschillen van de controlegroep (Benjamini–Hochberg-gecorrigeerde p < 0,05): "
                + string.Join("; ", hits.Select(r => $"{r.Label("instrument_name")} in {r.Label("arm_name_nl")} ({n.Signed(r[ResultValue.Estimate]!.Value, 2)} punten)"))
                + ". Dit zijn secundaire uitkomsten; de index is de ene primaire toets.");
        var e = _report.Evidence;
        lines.Add($"Sterkte van het bewijs (Maryland Scientific Methods Scale): niveau {e.RegisterLevel} voor de registeruitkomsten, niveau {e.SurveyLevel} voor de enquête-uitkomsten.");
        return lines;
    }

    /// <summary>The two summaries side by side.</summary>
    public Html ToHtml()
    {
        var english = English();
        var dutch = Dutch();
        var content = "<div class=\"summary-pair\"><section class=\"summary\" lang=\"en\"><h3>Summary</h3>" + Html.List(english).Content + "</section>"
            + "<section class=\"samenvatting\" lang=\"nl\"><h3>Samenvatting</h3>" + Html.List(dutch).Content + "</section></div>";
        return new Html(content, "Summary\n" + string.Join("\n", english.Select(l => "- " + l)) + "\n\nSamenvatting\n" + string.Join("\n", dutch.Select(l => "- " + l)));
    }

    private static IReadOnlyList<ReportOutcome> Headline { get; } = [ReportOutcome.Full, ReportOutcome.PartialOrFull];

    private string Randomised(Numbers n) => _report["flow"]["randomised"][ResultValue.N] is { } count ? n.Fixed(count, 0) : "–";

    // The main-horizon fiscal effects as published; null when the control's mean is withheld.
    private (double Control, IReadOnlyList<(string Arm, double Estimate, double Low, double High)> Effects)? Fiscal()
    {
        var rows = _report["fiscal"].Rows.Where(r => r.Label("horizon") == Horizon.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (rows.Count == 0 || rows[0]["control_mean"] is not { } control)
        {
            return null;
        }

        var effects = rows.Where(r => r[ResultValue.Estimate] is not null && r[ResultValue.CiLow] is not null && r[ResultValue.CiHigh] is not null)
            .Select(r => (r.Label("arm_name_nl"), r[ResultValue.Estimate]!.Value, r[ResultValue.CiLow]!.Value, r[ResultValue.CiHigh]!.Value)).ToList();
        return effects.Count == 0 ? null : (control, effects);
    }

    private List<ResultRow> WellbeingHits() => [.. _report["wellbeing"].Rows.Where(r => r[ResultValue.BenjaminiHochbergP] is < 0.05 && r[ResultValue.Estimate] is not null)];

    // The primary survey outcome as published: the response-weighted index effect per arm with its Lee bounds.
    private List<(string Arm, double Estimate, double Low, double High, double? Lower, double? Upper)> WellbeingIndex()
    {
        var bounds = _report["wellbeing_bounds"].Rows.ToDictionary(r => r.Label("arm"), StringComparer.Ordinal);
        return [.. _report["wellbeing_index"].Rows
            .Where(r => r.Key.EndsWith("|response_weighted", StringComparison.Ordinal) && r[ResultValue.Estimate] is not null && r[ResultValue.CiLow] is not null && r[ResultValue.CiHigh] is not null)
            .Select(r => (r.Label("arm_name_nl"), r[ResultValue.Estimate]!.Value, r[ResultValue.CiLow]!.Value, r[ResultValue.CiHigh]!.Value,
                bounds.TryGetValue(r.Label("arm"), out var b) ? b["lower"] : null, bounds.TryGetValue(r.Label("arm"), out b) ? b["upper"] : null))];
    }

    private string WellbeingIndexEnglish(Numbers n)
    {
        var index = WellbeingIndex();
        return index.Count == 0
            ? "Wellbeing (primary survey outcome, the summary index): not published (not estimable or withheld by disclosure control)."
            : "Wellbeing (primary survey outcome: the summary index, response-weighted, in control-arm standard deviations): "
                + string.Join("; ", index.Select(x => $"{n.Signed(x.Estimate, 2)} SD in {x.Arm} (95% CI {n.Signed(x.Low, 2)} to {n.Signed(x.High, 2)}" + (x.Lower is { } l && x.Upper is { } u ? $"; Lee bounds {n.Signed(l, 2)} to {n.Signed(u, 2)})" : ")")))
                + ".";
    }

    private string WellbeingIndexDutch(Numbers n)
    {
        var index = WellbeingIndex();
        return index.Count == 0
            ? "Welzijn (primaire enquête-uitkomst, de samengestelde index): niet gepubliceerd (niet te schatten of afgeschermd)."
            : "Welzijn (primaire enquête-uitkomst: de samengestelde index, gewogen voor respons, in standaarddeviaties van de controlegroep): "
                + string.Join("; ", index.Select(x => $"{n.Signed(x.Estimate, 2)} SD bij {x.Arm} (95%-BI {n.Signed(x.Low, 2)} tot {n.Signed(x.High, 2)}" + (x.Lower is { } l && x.Upper is { } u ? $"; Lee-grenzen {n.Signed(l, 2)} tot {n.Signed(u, 2)})" : ")")))
                + ".";
    }

    private string EnglishFinding(ExperimentArm arm, ReportOutcome outcome)
    {
        var n = Numbers.English;
        var who = $"{arm.NameNl} ({ArmTypes.Dutch(arm.TypeLabel)})";
        var primary = outcome == ReportOutcome.Full;
        var row = Itt[PrimaryOutcomes.Key(arm.Code, outcome.Key, Horizon)];
        var p = primary ? row[ResultValue.AdjustedP] : row[ResultValue.PValue];
        if (row[ResultValue.Estimate] is not { } estimate || row[ResultValue.CiLow] is not { } low || row[ResultValue.CiHigh] is not { } high || p is null || row.Label("equivalence") is not { } conclusion)
        {
            return $"{who}, {outcome.Short}: not published (withheld by disclosure control or not estimable).";
        }

        var control = row["control_mean"] is { } share ? $"{n.Percent(share)} in the control arm" : "the control arm (its share is withheld: fewer than ten persons)";
        var margin = $"±{n.Fixed(Margin * 100, 0)} pp";
        var direction = estimate > 0 ? "increase" : "decrease";
        var verdict = conclusion switch
        {
            "equivalent" => $"Smaller than the smallest effect of interest: the interval rules out effects beyond {margin}",
            "equivalent_but_different" => $"Different from zero but smaller than the smallest effect of interest ({margin})",
            "different" => $"An {direction} different from zero; whether it exceeds {margin} is not clear",
            "exceeds_margin" => $"An {direction} larger than the smallest effect of interest ({margin})",
            _ => $"Inconclusive: the interval includes both no effect and effects beyond {margin}",
        };
        var test = primary ? $"primary outcome, Holm-adjusted p {n.P(p.Value)}; the interval is not adjusted for multiplicity" : $"additional outcome, p {n.P(p.Value)}, not corrected for multiplicity";
        var flag = row.Label("hc2_shown") == "yes" ? " The clustered interval was narrower than the HC2 interval, so the HC2 interval is shown." : "";
        return $"{who}, {outcome.Short}: {n.Points(estimate)} (95% CI {n.PointsInterval(low, high)}) against {control}. {verdict} ({test}).{flag}";
    }

    private string DutchFinding(ExperimentArm arm, ReportOutcome outcome)
    {
        var n = Numbers.Dutch;
        var who = $"{arm.NameNl} ({ArmTypes.Dutch(arm.TypeLabel)})";
        var primary = outcome == ReportOutcome.Full;
        var what = primary ? "meer dan 27 uur per week werken en uit de bijstand" : "meer dan 12 uur per week werken";
        var row = Itt[PrimaryOutcomes.Key(arm.Code, outcome.Key, Horizon)];
        var p = primary ? row[ResultValue.AdjustedP] : row[ResultValue.PValue];
        if (row[ResultValue.Estimate] is not { } estimate || row[ResultValue.CiLow] is not { } low || row[ResultValue.CiHigh] is not { } high || p is null || row.Label("equivalence") is not { } conclusion)
        {
            return $"{who}, {what}: niet gepubliceerd (afgeschermd vanwege onthullingsrisico of niet te schatten).";
        }

        var control = row["control_mean"] is { } share ? $"{n.Percent(share)} in de controlegroep" : "de controlegroep (aandeel afgeschermd: minder dan tien personen)";
        var margin = $"±{n.Fixed(Margin * 100, 0)} procentpunt";
        var direction = estimate > 0 ? "toename" : "afname";
        var verdict = conclusion switch
        {
            "equivalent" => $"Kleiner dan het kleinste beleidsrelevante effect: het interval sluit effecten groter dan {margin} uit",
            "equivalent_but_different" => $"Verschilt van nul, maar is kleiner dan het kleinste beleidsrelevante effect ({margin})",
            "different" => $"Een {direction} die van nul verschilt; of die groter is dan {margin} is niet duidelijk",
            "exceeds_margin" => $"Een {direction} groter dan het kleinste beleidsrelevante effect ({margin})",
            _ => $"Geen conclusie mogelijk: het interval omvat zowel geen effect als effecten groter dan {margin}",
        };
        var test = primary ? $"primaire uitkomst, Holm-gecorrigeerde p {n.P(p.Value)}; het interval is niet gecorrigeerd voor meervoudig toetsen" : $"aanvullende uitkomst, p {n.P(p.Value)}, niet gecorrigeerd voor meervoudig toetsen";
        return $"{who}, {what}: {n.Points(estimate)} (95%-BI {n.PointsInterval(low, high)}) ten opzichte van {control}. {verdict} ({test}).";
    }
}
