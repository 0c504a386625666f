using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Reports;
using Research.Analysis.Results;

namespace Research.Analysis.Synthesis;

/// <summary>The synthesis's result tables: <c>components</c>, <c>meta</c>, <c>sites</c>, <c>type_differences</c> and <c>pooled</c>.</summary>
public static class SynthesisTables
{
    /// <summary>The report kind in result files.</summary>
    public const string Kind = "synthesis";

    /// <summary>
    /// Table <c>components</c>: key <c>{component}|{outcome}|{model}</c>; the component's pooled effect at the sites'
    /// primary horizons (estimate, se, ci, p; z inference), τ², the arms in the model and those carrying the component,
    /// the residual heterogeneity, and the type-level pool of the arms that ran the component alone with the difference.
    /// </summary>
    public static ResultTable Components(SynthesisAnalysis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        var table = new TableBuilder<ComponentEffect>("components", "Pooled effect of each intervention component (additive component meta-regression over all arms)",
                c => $"{c.Component.Key}|{c.Outcome}|{c.Model.Key}")
            .Label("component", "Component code", c => c.Component.Key)
            .Label("component_label", "Component", c => c.Component.Label)
            .Label("outcome", "Outcome code", c => c.Outcome)
            .Label("outcome_label", "Outcome", c => ReportOutcome.LabelOf(c.Outcome))
            .Label("model", "Model", c => c.Model.Key)
            .Number(ResultValue.Estimate, ColumnKind.Estimate, "Pooled effect", c => c.Coefficient.Estimate, ValueUnit.Share)
            .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", c => c.Coefficient.StandardError, ValueUnit.Share)
            .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", c => c.Coefficient.ConfidenceLow, ValueUnit.Share)
            .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", c => c.Coefficient.ConfidenceHigh, ValueUnit.Share)
            .Number(ResultValue.PValue, ColumnKind.PValue, "p", c => c.Coefficient.PValue)
            .Number("tau2", ColumnKind.Index, "τ²", c => c.Model.Fit.Tau2)
            .Number("k", ColumnKind.Tally, "Arms in the model", c => c.Model.K)
            .Number("arms", ColumnKind.Tally, "Arms with the component", c => c.Arms)
            .Number("q_e", ColumnKind.Statistic, "Q (residual)", c => c.Model.Fit.ResidualHeterogeneity)
            .Number("q_e_p", ColumnKind.PValue, "p (residual Q)", c => double.IsFinite(c.Model.Fit.ResidualHeterogeneityPValue) ? c.Model.Fit.ResidualHeterogeneityPValue : null)
            .Number("type_pool", ColumnKind.Estimate, "Type-level pool (component alone)", c => c.TypePool?.Estimate, ValueUnit.Share)
            .Number("difference", ColumnKind.Estimate, "Component minus type-level pool", c => c.DifferenceFromTypePool, ValueUnit.Share)
            .Build();
        List<string> footnotes =
        [
            "Primary synthesis: an additive component meta-regression (metafor rma.mv) over every arm that was not self-chosen, at each site's primary horizon (assumed: no pre-registration is known): an arm's ITT effect is the sum of the effects of the components it adds (exemption, intensified coaching, earnings disregard, full-time bonus), without intercept.",
            "Arms of one site share its control arm: their covariance is the product of their standard errors and 1/√((1 + n_control/n_arm₁)(1 + n_control/n_arm₂)). Each variance is inflated by (t(df)/z)² for its CR2 degrees of freedom (4 to 12 at some sites), so no site enters as if its variance were known; correlations are kept.",
            "Model reml: a random effect per arm, τ² by REML (primary); fe: fixed effect, for comparison. z intervals. Where τ² = 0 the random-effects results equal the fixed-effect ones.",
            "Type-level pool: the REML-HKSJ pool of the arms that ran the component alone (table meta, the sensitivity analysis); the bonus never ran alone. The difference shows what the combination arms add to, or take from, each component's estimate.",
            SynthesisAnalysis.DesignCaveat,
            .. synthesis.ComponentNotes,
        ];
        return table.Table(synthesis.Components, footnotes);
    }

    /// <summary>Table <c>meta</c>: one row per type, outcome, horizon and method; with planted effects, also truth and covered.</summary>
    public static ResultTable Meta(SynthesisAnalysis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        var truth = synthesis.Truth;
        var builder = new TableBuilder<TypeMetaAnalysis>("meta", "Meta-analysis across municipalities by intervention type", a => a.Key)
            .Label("type", "Intervention type code", a => a.Type)
            .Label("type_label", "Intervention", a => ArmTypes.Both(a.Type))
            .Label("outcome", "Outcome code", a => a.Outcome)
            .Label("outcome_label", "Outcome", a => ReportOutcome.LabelOf(a.Outcome))
            .Label("horizon", "Horizon", a => a.Horizon)
            .Label("method", "Method", a => a.Method.Key)
            .Label("sites", "Sites", a => string.Join(", ", a.Sites.Select(s => s.Label)))
            .Label("note", "Note", a => a.Note)
            .Number(ResultValue.Estimate, ColumnKind.Estimate, "Pooled effect", a => a.Estimate, ValueUnit.Share)
            .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", a => a.StandardError, ValueUnit.Share)
            .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", a => a.ConfidenceInterval?.Lower, ValueUnit.Share)
            .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", a => a.ConfidenceInterval?.Upper, ValueUnit.Share)
            .Number(ResultValue.PValue, ColumnKind.PValue, "p", a => a.PValue)
            .Number("k", ColumnKind.Tally, "Sites", a => a.K)
            .Number("tau2", ColumnKind.Index, "τ²", a => a.Fit?.Heterogeneity.Tau2)
            .Number("i2", ColumnKind.Index, "I²", a => a.Fit?.Heterogeneity.I2, ValueUnit.Percent)
            .Number("h2", ColumnKind.Index, "H²", a => a.Fit?.Heterogeneity.H2)
            .Number("q", ColumnKind.Statistic, "Q", a => a.Fit?.Heterogeneity.Q)
            .Number("q_p", ColumnKind.PValue, "p (Q)", a => a.Fit?.Heterogeneity.QPValue)
            .Number("pi_low", ColumnKind.Limit, "95% PI, lower", a => a.Fit?.PredictionInterval?.Lower, ValueUnit.Share)
            .Number("pi_high", ColumnKind.Limit, "95% PI, upper", a => a.Fit?.PredictionInterval?.Upper, ValueUnit.Share);
        if (truth is not null)
        {
            builder.Number("truth", ColumnKind.Estimate, "Planted effect", a => a.PlantedEffect(truth), ValueUnit.Share)
                .Number("covered", ColumnKind.Indicator, "Interval covers it", a => a.Covers(truth) is { } c ? (c ? 1 : 0) : null);
        }

        var footnotes = new List<string>
        {
            "Sensitivity analysis of the component model (table components): random-effects meta-analysis by intervention type across municipalities of the ITT estimates with caseworker-clustered standard errors read from each municipal result file (table itt_clustered); nothing is re-estimated. Each site's variance is inflated by (t(df)/z)² for its degrees of freedom, so its normal interval is the interval its municipal report printed.",
            $"Method reml_hksj: {SynthesisMethod.RemlHksj.Description} (primary). Method dl: {SynthesisMethod.DerSimonianLaird.Description}, for comparison. "
                + "95% PI: prediction interval for the effect in a new site; τ², I², H², Q and p (Q) (Cochran's Q test): heterogeneity.",
            "Arms of one site share its control arm, so their estimates are correlated. Where a site ran two arms of one type they enter as one "
                + "generalised-least-squares combination, assuming the correlation of two differences in means with a common control and equal variances, "
                + "1/√((1 + n_control/n_arm₁)(1 + n_control/n_arm₂)) (about 0.5 for equal arms).",
            "horizon 'primary' pools each site at its own primary horizon, assumed as no pre-registration is known (" + string.Join(", ", synthesis.PrimaryHorizons.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))) + " months).",
            "A type run at a single site (1 site) cannot be pooled; that site's estimate is shown, without heterogeneity or prediction interval (n/a).",
            "Where τ² is estimated as 0 the note says so: the prediction interval then equals the confidence interval, which with this few sites is no evidence that the effect is the same everywhere.",
            SynthesisAnalysis.DesignCaveat,
        };
        if (synthesis.MetaAnalyses.Any(a => a.Withheld.Count > 0))
        {
            footnotes.Add("Site estimates withheld by disclosure control are left out of the pooling: "
                + string.Join("; ", synthesis.MetaAnalyses.Where(a => a.Withheld.Count > 0 && a.Method == SynthesisMethod.RemlHksj)
                    .Select(a => $"{ArmTypes.Dutch(a.Type)}, {ReportOutcome.LabelOf(a.Outcome)}, {(a.Horizon == TypeMetaAnalysis.PrimaryHorizon ? "main horizon" : "month " + a.Horizon)}: {string.Join(", ", a.Withheld.Select(w => $"{w.Site} ({w.ArmNameNl})"))}")) + ".");
        }

        if (truth is not null)
        {
            footnotes.Add("Planted effect: the effects planted in the pooled sites (truth.json) averaged with the meta-analysis weights; 'interval covers it' says whether the interval contains it.");
        }

        return builder.Build().Table(synthesis.MetaAnalyses, footnotes);
    }

    /// <summary>Table <c>sites</c>: every site × arm × outcome × horizon as read, with the planted truth when known.</summary>
    public static ResultTable Sites(SynthesisAnalysis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        var truth = synthesis.Truth;
        var builder = new TableBuilder<SiteEstimate>("sites", "Every site, arm, outcome and horizon",
                e => string.Create(CultureInfo.InvariantCulture, $"{e.Site}|{e.Arm}|{e.Outcome}|{e.HorizonMonths}"))
            .Label("site", "Municipality", e => e.Site)
            .Label("arm", "Arm code", e => e.Arm)
            .Label("arm_name_nl", "Arm", e => e.ArmNameNl)
            .Label("arm_type", "Intervention type code", e => e.Type)
            .Label("arm_type_label", "Intervention", e => ArmTypes.Both(e.Type))
            .Label("outcome", "Outcome code", e => e.Outcome)
            .Label("outcome_label", "Outcome", e => ReportOutcome.LabelOf(e.Outcome))
            .Label("horizon", "Month", e => e.HorizonMonths.ToString(CultureInfo.InvariantCulture))
            .Label("primary", "Primary horizon", e => e.HorizonMonths == synthesis.PrimaryHorizons[e.Site] ? "yes" : "no")
            .Number(ResultValue.Estimate, ColumnKind.Estimate, "Effect", e => e.Estimate, ValueUnit.Share)
            .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", e => e.StandardError, ValueUnit.Share)
            .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", e => e.CiLow, ValueUnit.Share)
            .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", e => e.CiHigh, ValueUnit.Share)
            .Number(ResultValue.PValue, ColumnKind.PValue, "p", e => e.PValue)
            .Count(ResultValue.N, "Persons", e => e.N)
            .Share("control_mean", "Control share", "n_control", e => e.ControlMean)
            .Count("n_control", "Persons in the control arm", e => e.NControl);
        var footnotes = new List<string> { "ITT estimates as recorded in the municipal result files (CR2 standard errors clustered by caseworker). Withheld cells (–) were suppressed by disclosure control." };
        if (truth is not null)
        {
            builder.Number("truth", ColumnKind.Estimate, "Planted effect", truth.Itt, ValueUnit.Share)
                .Number("covered", ColumnKind.Indicator, "Interval covers it", e => truth.Itt(e) is { } t && e is { CiLow: { } low, CiHigh: { } high } ? (t >= low && t <= high ? 1 : 0) : null);
            var covered = synthesis.Estimates.Select(e => truth.Itt(e) is { } t && e is { CiLow: { } low, CiHigh: { } high } ? t >= low && t <= high : (bool?)null).Where(c => c is not null).ToList();
            footnotes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Planted effect: the ITT planted in the synthetic data (truth.json, seed {truth.Truth.Seed}); the 95% interval covers it in {covered.Count(c => c == true)} of {covered.Count} intervals ({100.0 * covered.Count(c => c == true) / Math.Max(1, covered.Count):0.#}%)."));
        }

        return builder.Build().Table(synthesis.Estimates, footnotes);
    }

    /// <summary>Table <c>type_differences</c>: the Q-between tests of <see cref="SynthesisAnalysis.TypeDifferences"/>.</summary>
    public static ResultTable TypeDifferences(SynthesisAnalysis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        return TypeDifferenceTable.Table(synthesis.TypeDifferences(),
        [
            "Q-between test of equal pooled effects across the intervention types pooled from at least two sites (each type its own τ², REML with HKSJ), referred to χ²(types − 1).",
            "The test treats the types as independent, but types run in one site share its control arm; with so few sites it has little power, and a large p-value is no evidence that the types work alike.",
        ]);
    }

    /// <summary>Table <c>pooled</c>: the pooled individual-level model, disclosure-controlled.</summary>
    public static ResultTable Pooled(IReadOnlyList<PooledTypeEffect> effects, int horizon, int monthsBefore, DisclosureControl? control = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return (control ?? DisclosureControl.Cbs).Apply(PooledTable.Table(effects, PooledIndividualModel.Footnotes(horizon, monthsBefore),
            string.Create(CultureInfo.InvariantCulture, $"Pooled individual-level model at month {horizon} (sensitivity check)")));
    }

    /// <summary>The tables in report order: meta, sites, type_differences and, when given, pooled.</summary>
    public static IReadOnlyList<ResultTable> All(SynthesisAnalysis synthesis, ResultTable? pooled = null) =>
        [Components(synthesis), Meta(synthesis), Sites(synthesis), TypeDifferences(synthesis), .. pooled is null ? Array.Empty<ResultTable>() : [pooled]];

    /// <summary>The synthesis's result file.</summary>
    public static ResultFile File(SynthesisAnalysis synthesis, ResultTable? pooled = null)
    {
        var tables = All(synthesis, pooled);
        return new ResultFile("synthesis", Kind, tables) { DisclosureRules = DisclosureControl.Cbs.RulesUsed(tables) };
    }

    private static TableDefinition<TypeDifference> TypeDifferenceTable { get; } = new TableBuilder<TypeDifference>("type_differences", "Do the intervention types differ?",
            d => $"{d.Outcome}|{d.Horizon}")
        .Label("outcome", "Outcome code", d => d.Outcome)
        .Label("outcome_label", "Outcome", d => ReportOutcome.LabelOf(d.Outcome))
        .Label("horizon", "Horizon", d => d.Horizon)
        .Label("types", "Types compared", d => string.Join(", ", d.Test.Subgroups.Select(s => s.Name)))
        .Number("q_between", ColumnKind.Statistic, "Q between types", d => d.Test.QBetween)
        .Number("df", ColumnKind.DegreesOfFreedom, "df", d => d.Test.DegreesOfFreedom)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", d => d.Test.PValue)
        .Build();

    private static TableDefinition<PooledTypeEffect> PooledTable { get; } = new TableBuilder<PooledTypeEffect>("pooled", "Pooled individual-level model (sensitivity check)",
            e => string.Create(CultureInfo.InvariantCulture, $"{e.Type}|{e.Outcome.Key}|{e.Horizon}"))
        .Label("type", "Intervention type code", e => e.Type)
        .Label("type_label", "Intervention", e => ArmTypes.Both(e.Type))
        .Label("outcome", "Outcome code", e => e.Outcome.Key)
        .Label("outcome_label", "Outcome", e => e.Outcome.Label)
        .Label("horizon", "Month", e => e.Horizon.ToString(CultureInfo.InvariantCulture))
        .Number(ResultValue.Estimate, ColumnKind.Estimate, "Effect", e => e.Coefficient.Estimate, ValueUnit.Share)
        .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", e => e.Coefficient.StandardError, ValueUnit.Share)
        .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", e => e.Coefficient.ConfidenceLow, ValueUnit.Share)
        .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", e => e.Coefficient.ConfidenceHigh, ValueUnit.Share)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", e => e.Coefficient.PValue)
        .Number("df", ColumnKind.DegreesOfFreedom, "df", e => e.Coefficient.DegreesOfFreedom)
        .Count(ResultValue.N, "Persons", e => e.N)
        .Count("n_type", "Persons of the type", e => e.NType)
        .Number("clusters", ColumnKind.Tally, "Caseworkers", e => e.Clusters)
        .Build();
}
