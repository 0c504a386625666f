using System.Globalization;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Analysis.Synthesis;
using Research.Reporting.Charts;
using Research.Reporting.Tables;
using Research.Reporting.Text;

namespace Research.Reporting.Synthesis;

/// <summary>
/// The synthesis as readers see it: first what the experiments say together, in plain language (English and Dutch);
/// then one table per question; the methods (the comparison method, the pooled individual model, the reproduction and
/// the planted-truth check) come last and apart.
/// </summary>
public sealed class SynthesisView
{
    private readonly ResultTable _components;
    private readonly ResultTable _meta;
    private readonly ResultTable _sites;
    private readonly ResultTable _differences;

    /// <summary>The view of <paramref name="synthesis"/> and its tables.</summary>
    public SynthesisView(SynthesisAnalysis synthesis, IReadOnlyList<ResultFile> recorded)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        ArgumentNullException.ThrowIfNull(recorded);
        Synthesis = synthesis;
        Recorded = recorded;
        _components = SynthesisTables.Components(synthesis);
        _meta = SynthesisTables.Meta(synthesis);
        _sites = SynthesisTables.Sites(synthesis);
        _differences = SynthesisTables.TypeDifferences(synthesis);
    }

    /// <summary>The analysis.</summary>
    public SynthesisAnalysis Synthesis { get; }

    /// <summary>The municipal result files read.</summary>
    public IReadOnlyList<ResultFile> Recorded { get; }

    /// <summary>The outcomes the synthesis reports on, the two headline outcomes first.</summary>
    public static IReadOnlyList<ReportOutcome> Outcomes { get; } = [ReportOutcome.Full, ReportOutcome.PartialOrFull, ReportOutcome.Independence];

    /// <summary>The stylesheet, and where the numbers come from.</summary>
    public Html Introduction()
    {
        var truth = Synthesis.Truth;
        var text = $"Read {Recorded.Count} municipal result files: {string.Join(", ", Recorded.Select(r => r.Site))}. "
            + (truth is null
                ? "No truth.json lies next to the extracts: these are not synthetic data, so no planted effects are compared."
                : string.Create(CultureInfo.InvariantCulture, $"The extracts are synthetic (seed {truth.Truth.Seed}, scale {truth.Truth.Scale}): estimates are also compared with the effects planted in truth.json (see Methods)."));
        return new Html(Municipal.ReportStyle.Element.Content + $"<p class=\"note\">{Html.Encode(text)}</p>", text);
    }

    /// <summary>What the experiments say together, in English and Dutch.</summary>
    public Html Together()
    {
        var english = new List<string>();
        var dutch = new List<string>();
        var en = Numbers.English;
        var nl = Numbers.Dutch;
        var clearComponents = Outcomes.Take(2).SelectMany(o => Synthesis.Components
            .Where(c => c.Outcome == o.Key && c.Model.Key == "reml" && (c.Coefficient.ConfidenceLow > 0 || c.Coefficient.ConfidenceHigh < 0)).Select(c => (Outcome: o, Component: c))).ToList();
        if (Synthesis.Components.Count > 0)
        {
            english.Add(clearComponents.Count == 0
                ? "In short: no intervention component clearly changed the share of participants working more than 27 or more than 12 hours a week at the main horizons (the component model over all arms); the intervals are wide, so modest effects cannot be ruled out either."
                : "In short: " + string.Join("; ", clearComponents.Select(c => $"{c.Component.Component.Label} clearly {(c.Component.Coefficient.Estimate > 0 ? "raised" : "lowered")} the share that {c.Outcome.Short} ({en.Points(c.Component.Coefficient.Estimate)})"))
                    + "; no other component clearly changed work of more than 27 or 12 hours a week at the main horizons (the component model over all arms).");
            dutch.Add(clearComponents.Count == 0
                ? "Kort gezegd: geen enkele component veranderde duidelijk het aandeel deelnemers dat meer dan 27 of meer dan 12 uur per week werkt op de hoofdhorizon (het componentenmodel over alle armen); de intervallen zijn breed, dus bescheiden effecten zijn ook niet uit te sluiten."
                : "Kort gezegd: " + string.Join("; ", clearComponents.Select(c => $"{c.Component.Component.LabelNl} {(c.Component.Coefficient.Estimate > 0 ? "verhoogde" : "verlaagde")} duidelijk het aandeel dat {(c.Outcome == ReportOutcome.Full ? "meer dan 27 uur werkt en uit de bijstand is" : "meer dan 12 uur werkt")} ({nl.Points(c.Component.Coefficient.Estimate)})"))
                    + "; de andere componenten veranderden werk van meer dan 27 of 12 uur per week niet duidelijk op de hoofdhorizon (het componentenmodel over alle armen).");
        }

        foreach (var outcome in Outcomes.Take(2))
        {
            var components = Synthesis.Components.Where(c => c.Outcome == outcome.Key && c.Model.Key == "reml").ToList();
            if (components.Count == 0)
            {
                continue;
            }

            english.Add($"By component ({outcome.Short}, all arms, primary analysis): " + string.Join("; ", components.Select(c =>
                $"{c.Component.Label} {en.Points(c.Coefficient.Estimate)} (95% CI {en.PointsInterval(c.Coefficient.ConfidenceLow, c.Coefficient.ConfidenceHigh)})")) + ".");
            dutch.Add($"Per component ({(outcome == ReportOutcome.Full ? "meer dan 27 uur werken en uit de bijstand" : "meer dan 12 uur werken")}, alle armen, primaire analyse): " + string.Join("; ", components.Select(c =>
                $"{c.Component.LabelNl} {nl.Points(c.Coefficient.Estimate)} (95%-BI {nl.PointsInterval(c.Coefficient.ConfidenceLow, c.Coefficient.ConfidenceHigh)})")) + ".");
        }

        var clearOnes = Outcomes.Take(2).SelectMany(o => Primary(o).Where(a => a.ConfidenceInterval is { } ci && (ci.Lower > 0 || ci.Upper < 0)).Select(a => (Outcome: o, Analysis: a))).ToList();
        var typeLead = Synthesis.Components.Count > 0 ? "By intervention type (sensitivity analysis): " : "In short: ";
        var typeLeadNl = Synthesis.Components.Count > 0 ? "Per type interventie (gevoeligheidsanalyse): " : "Kort gezegd: ";
        english.Add(clearOnes.Count == 0
            ? typeLead + "no intervention type clearly changed the share of participants working more than 27 or more than 12 hours a week at the main horizons; the intervals are wide, so modest effects cannot be ruled out either."
            : typeLead + string.Join("; ", clearOnes.Select(c => $"{ArmTypes.Dutch(c.Analysis.Type)} clearly {(c.Analysis.Estimate > 0 ? "raised" : "lowered")} the share that {c.Outcome.Short} ({en.Points(c.Analysis.Estimate!.Value)}, {(c.Analysis.K == 1 ? "one site" : string.Create(CultureInfo.InvariantCulture, $"{c.Analysis.K} sites"))})"))
                + "; no other type clearly changed work of more than 27 or 12 hours a week at the main horizons.");
        dutch.Add(clearOnes.Count == 0
            ? typeLeadNl + "geen enkel type interventie veranderde duidelijk het aandeel deelnemers dat meer dan 27 of meer dan 12 uur per week werkt op de hoofdhorizon; de intervallen zijn breed, dus bescheiden effecten zijn ook niet uit te sluiten."
            : typeLeadNl + string.Join("; ", clearOnes.Select(c => $"{ArmTypes.Dutch(c.Analysis.Type)} {(c.Analysis.Estimate > 0 ? "verhoogde" : "verlaagde")} duidelijk het aandeel dat {(c.Outcome == ReportOutcome.Full ? "meer dan 27 uur werkt en uit de bijstand is" : "meer dan 12 uur werkt")} ({nl.Points(c.Analysis.Estimate!.Value)}, {(c.Analysis.K == 1 ? "één gemeente" : string.Create(CultureInfo.InvariantCulture, $"{c.Analysis.K} gemeenten"))})"))
                + "; de andere typen veranderden werk van meer dan 27 of 12 uur per week niet duidelijk op de hoofdhorizon.");
        foreach (var outcome in Outcomes.Take(2))
        {
            foreach (var analysis in Primary(outcome))
            {
                var type = analysis.Type;
                if (analysis.Estimate is not { } estimate || analysis.ConfidenceInterval is not { } ci)
                {
                    continue;
                }

                var sites = analysis.K == 1 ? "one site" : string.Create(CultureInfo.InvariantCulture, $"{analysis.K} sites");
                var sitesNl = analysis.K == 1 ? "één gemeente" : string.Create(CultureInfo.InvariantCulture, $"{analysis.K} gemeenten");
                var clear = ci.Lower > 0 || ci.Upper < 0;
                var prediction = analysis.Fit?.PredictionInterval is { } pi
                    ? $" A new municipality could expect between {en.PointsInterval(pi.Lower, pi.Upper)}."
                    : string.Empty;
                english.Add($"{ArmTypes.Both(type)}, {sites}, {outcome.Short}: {en.Points(estimate)} (95% CI {en.PointsInterval(ci.Lower, ci.Upper)}); "
                    + (clear ? $"a clear {(estimate > 0 ? "increase" : "decrease")}." : "no clear effect.") + prediction);
                dutch.Add($"{ArmTypes.Dutch(type)}, {sitesNl}, {(outcome == ReportOutcome.Full ? "meer dan 27 uur werken en uit de bijstand" : "meer dan 12 uur werken")}: "
                    + $"{nl.Points(estimate)} (95%-BI {nl.PointsInterval(ci.Lower, ci.Upper)}); " + (clear ? $"een duidelijke {(estimate > 0 ? "toename" : "afname")}." : "geen duidelijk effect."));
            }
        }

        english.Add("The designs differ by site: a pooled estimate averages different local interventions, so the prediction interval, not the pooled interval, says what a new municipality can expect.");
        dutch.Add("De opzet verschilde per gemeente: een gepoolde schatting middelt verschillende lokale interventies; het voorspellingsinterval zegt wat een nieuwe gemeente kan verwachten.");
        var content = "<div class=\"summary-pair\"><section class=\"summary\" lang=\"en\"><h3>What the experiments say together</h3>" + Html.List(english).Content
            + "</section><section class=\"samenvatting\" lang=\"nl\"><h3>Samenvatting</h3>" + Html.List(dutch).Content + "</section></div>";
        return new Html(content, string.Join("\n", english.Concat(dutch)));
    }

    /// <summary>
    /// The primary synthesis: per headline outcome, each component's pooled effect from the additive component model over
    /// all arms (REML), with the type-level pool of the arms that ran it alone beside it.
    /// </summary>
    public IReadOnlyList<object> Components() => [.. Outcomes.Take(2).Select(o => new ReportTable(_components,
            ["component_label", "arms", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "tau2", "type_pool", "difference"])
        .Where(r => r.Label("outcome") == o.Key && r.Label("model") == "reml").Titled($"Pooled effect of each component on '{o.Label}' at each site's main horizon"))];

    /// <summary>One table per headline question (the sensitivity analysis by type): the pooled effect of each intervention type on one outcome at each site's main horizon.</summary>
    public IReadOnlyList<object> ByOutcome() => [.. Outcomes.Select(o => Meta(r => IsPrimary(r) && r.Label("outcome") == o.Key,
        $"Pooled effect on '{o.Label}' at each site's main horizon", ["type_label", "sites", "k", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "pi_low", "pi_high", "i2", "note"]))];

    /// <summary>Forest plots of the pooled analyses at each site's main horizon.</summary>
    public IReadOnlyList<object> ForestPlots() => [.. Outcomes.SelectMany(o => Primary(o).Where(a => o == ReportOutcome.PartialOrFull || a.K >= 2)
        .Select(a => (object)ForestPlot.Chart(a, Synthesis.Truth)))];

    /// <summary>Do the intervention types differ?</summary>
    public ReportTable TypeDifferences() => new(_differences, ["outcome_label", "horizon", "types", "q_between", "df", ResultValue.PValue]);

    /// <summary>The pooled effects at fixed horizons after randomisation, one table per outcome.</summary>
    public IReadOnlyList<object> LaterHorizons() => [.. Outcomes.Select(o => Meta(r => r.Label("method") == SynthesisMethod.RemlHksj.Key && r.Label("horizon") != TypeMetaAnalysis.PrimaryHorizon && r.Label("outcome") == o.Key,
        $"Pooled effect on '{o.Label}' by month after randomisation", ["type_label", "horizon", "k", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, "pi_low", "pi_high"]))];

    /// <summary>The site estimates that were pooled, one table per outcome at each site's main horizon.</summary>
    public IReadOnlyList<object> Sites() => [.. Outcomes.Select(o => new ReportTable(_sites, SiteColumns()).Where(r => r.Label("outcome") == o.Key && r.Label("primary") == "yes")
        .Titled($"Site estimates of '{o.Label}' at each site's main horizon"))];

    /// <summary>Methods: the same pooling with DerSimonian–Laird and a normal interval, for comparison.</summary>
    public ReportTable MethodComparison() => new ReportTable(_meta, ["type_label", "outcome_label", "method", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, "tau2", "i2"])
        .Where(r => IsHorizon(r, TypeMetaAnalysis.PrimaryHorizon)).Titled("REML–HKSJ (primary) and DerSimonian–Laird (comparison) at each site's main horizon");

    /// <summary>Methods: the planted effects and whether the intervals cover them (synthetic data only).</summary>
    public IReadOnlyList<object> PlantedTruth() => Synthesis.Truth is null
        ? [Html.Paragraph("Not synthetic data: there are no planted effects to compare with.")]
        : [
            new ReportTable(_meta, ["type_label", "outcome_label", "horizon", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, "truth", "covered"])
                .Where(r => r.Label("method") == SynthesisMethod.RemlHksj.Key).Titled("Pooled estimates against the planted effects (REML–HKSJ)"),
            new ReportTable(_sites, ["site", "arm_name_nl", "outcome_label", "horizon", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, "truth", "covered"])
                .Titled("Site estimates against the planted effects"),
        ];

    /// <summary>Methods: the pooled individual-level model's table.</summary>
    public static ReportTable Pooled(ResultTable pooled) =>
        new(pooled, ["type_label", "outcome_label", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, ResultValue.N, "n_type", "clusters"]);

    /// <summary>Methods: with <paramref name="reproduce"/>, re-derives every municipal result file from <paramref name="extract"/> and says whether they agree.</summary>
    public Html Reproduction(Research.Data.Extract extract, bool reproduce)
    {
        if (!reproduce)
        {
            return Html.Paragraph("Not reproduced (reproduce = false): the recorded result files were used as they are.");
        }

        var differences = Analysis.Synthesis.Reproduction.Compare(Recorded, extract);
        return differences.Count == 0
            ? Html.Paragraph(string.Create(CultureInfo.InvariantCulture, $"Re-derived the result files of all {Recorded.Count} sites from the raw extracts: no differences."))
            : Html.Join([Html.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{differences.Count} differences between the recorded and the re-derived result files:")),
                Html.List(differences.Take(50).Select(d => d.ToString()))]);
    }

    /// <summary>Writes the synthesis's result file (with the pooled model's table) into <paramref name="outputDirectory"/> and returns its file name.</summary>
    public string Save(string outputDirectory, ResultTable pooled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var name = ResultFile.FileNameFor("synthesis");
        SynthesisTables.File(Synthesis, pooled).Save(Path.Combine(directory, name));
        return name;
    }

    private IEnumerable<TypeMetaAnalysis> Primary(ReportOutcome outcome) =>
        Synthesis.MetaAnalyses.Where(a => a.Method == SynthesisMethod.RemlHksj && a.Horizon == TypeMetaAnalysis.PrimaryHorizon && a.Outcome == outcome.Key);

    private static bool IsPrimary(ResultRow row) => row.Label("method") == SynthesisMethod.RemlHksj.Key && IsHorizon(row, TypeMetaAnalysis.PrimaryHorizon);

    private static bool IsHorizon(ResultRow row, string horizon) => row.Label("horizon") == horizon;

    private string[] SiteColumns() => Synthesis.Truth is null
        ? ["site", "arm_name_nl", "arm_type_label", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "control_mean", ResultValue.N]
        : ["site", "arm_name_nl", "arm_type_label", ResultValue.Estimate, ResultValue.CiLow, ResultValue.CiHigh, ResultValue.PValue, "control_mean", ResultValue.N, "truth", "covered"];

    private ReportTable Meta(Func<ResultRow, bool> rows, string title, IReadOnlyList<string> columns) => new ReportTable(_meta, columns).Where(rows).Titled(title);
}
