using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>The tables of <see cref="Durability"/>: <c>durable</c>, <c>survival</c> and <c>survival_curve</c>.</summary>
public static class DurabilityTables
{
    /// <summary>A row of the survival table: one arm's curve, or one arm's test against the control.</summary>
    /// <param name="Curve">The arm's curve, or null.</param>
    /// <param name="Test">The arm's test against the control, or null.</param>
    public sealed record SurvivalRow(SurvivalSummary? Curve, ArmSurvivalComparison? Test)
    {
        /// <summary>The outcome.</summary>
        public ReportOutcome Outcome => Curve?.Outcome ?? Test!.Outcome;
    }

    /// <summary>
    /// Table <c>durable</c>: key <c>{arm}|{outcome}</c>; the share with a durable outflow and n for every arm; estimate,
    /// se, ci_low, ci_high, p under <paramref name="method"/> (the report's primary method) and whether the HC2 result
    /// is shown, for treatment arms.
    /// </summary>
    public static TableDefinition<DurableOutflow> Durable(InferenceMethod method) => new TableBuilder<DurableOutflow>("durable", "Durable outflow by the primary horizon",
            d => $"{d.Arm.Code}|{d.Outcome.Key}")
        .Arm(d => d.Arm, withType: false)
        .Outcome(d => d.Outcome)
        .Share("share", "Share with a durable outflow", ResultValue.N, d => d.Share, link: d => new ShareLink($"durable:{d.Outcome.Key}", d.Arm.IsControl ? "control" : d.Arm.Code))
        .SampleSize(ResultValue.N, "Persons", d => d.N)
        .Effect(d => d.Effect, method, ValueUnit.Share, adjustedP: false, degreesOfFreedom: false, when: d => !d.Arm.IsControl && d.Effect is not null)
        .Label("hc2_shown", "HC2 shown (clustered interval narrower)", d => d.Effect?.For(method) is { } i && !d.Arm.IsControl ? (i.ClusteredNarrowerThanRobust ? "yes" : "no") : null)
        .Support(d => d.Arm.IsControl ? [d.N] : [d.N, d.NControl])
        .Links(d => d.Arm.IsControl ? null : new EffectLink($"durable:{d.Outcome.Key}", d.Arm.Code, "control"))
        .Build();

    /// <summary>
    /// Table <c>survival</c>: key <c>{arm}|{outcome}</c> (median months with 95% limits, persons with an outflow, n) and
    /// <c>logrank|{arm}|{outcome}</c> (the arm against the control: chi2, df, p, and whether the unclustered test is
    /// shown). The curve itself is in <c>survival_curve</c>.
    /// </summary>
    public static TableDefinition<SurvivalRow> Survival { get; } = new TableBuilder<SurvivalRow>("survival", "Time to first outflow (Kaplan–Meier)",
            r => r.Curve is { } c ? $"{c.Arm.Code}|{c.Outcome.Key}" : $"logrank|{r.Test!.Arm.Code}|{r.Test.Outcome.Key}")
        .Label("arm", "Arm code", r => r.Curve?.Arm.Code ?? r.Test!.Arm.Code)
        .Label("arm_name_nl", "Arm", r => r.Curve?.Arm.NameNl ?? $"{r.Test!.Arm.NameNl} against control (log-rank type test)")
        .Outcome(r => r.Outcome)
        .Number("median_months", ColumnKind.Estimate, "Median months to outflow", r => r.Curve?.Median.Time, ValueUnit.Months, r => r.Curve is not null)
        .Number("median_low", ColumnKind.Limit, "95% CI, lower", r => r.Curve?.Median.Lower, ValueUnit.Months, r => r.Curve is not null)
        .Number("median_high", ColumnKind.Limit, "95% CI, upper", r => r.Curve?.Median.Upper, ValueUnit.Months, r => r.Curve is not null)
        .Count("n_events", "Persons with an outflow", r => r.Curve?.Events, r => Populations.Outflow(r.Curve!.Arm, r.Curve.Outcome), r => r.Curve is not null)
        .Count(ResultValue.N, "Persons", r => r.Curve?.N, r => Populations.Arm(r.Curve!.Arm), r => r.Curve is not null)
        .Number("chi2", ColumnKind.Statistic, "χ²", r => r.Test?.Shown.ChiSquare, when: r => r.Test is not null)
        .Number("df", ColumnKind.DegreesOfFreedom, "df", r => r.Test is null ? null : 1, when: r => r.Test is not null)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", r => r.Test?.Shown.PValue, when: r => r.Test is not null)
        .Label("unclustered_shown", "Unclustered test shown (clustered test more significant)", r => r.Test is { } t ? (t.RobustShown ? "yes" : "no") : null)
        .Support(r => r.Curve is { } c ? [c.N] : [r.Test!.NArm, r.Test.NControl])
        .Build();

    /// <summary>
    /// Table <c>survival_curve</c>: key <c>{arm}|{outcome}|{month}</c>; the Kaplan–Meier share with a first outflow by the
    /// month with its 95% interval, at the months <see cref="SurvivalSummary.PublishablePoints"/> allows.
    /// </summary>
    public static TableDefinition<CurvePoint> Curve { get; } = new TableBuilder<CurvePoint>("survival_curve", "Share with a first outflow by month (Kaplan–Meier)",
            p => PrimaryOutcomes.Key(p.Arm.Code, p.Outcome.Key, p.Month))
        .Arm(p => p.Arm, withType: false)
        .Outcome(p => p.Outcome)
        .Label("month", "Month", p => p.Month.ToString(CultureInfo.InvariantCulture))
        .Count(ResultValue.N, "Persons", p => p.N, p => Populations.Arm(p.Arm))
        .Share("out", "Share with a first outflow", ResultValue.N, p => p.Out)
        .IntervalOf("out", ResultValue.CiLow, ResultValue.CiHigh, p => p.Lower, p => p.Upper)
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(Durability durability, int primaryHorizon, bool stratified, int minimumCount)
    {
        ArgumentNullException.ThrowIfNull(durability);
        var c = CultureInfo.InvariantCulture;
        var survival = Durability.Outcomes.SelectMany(o => durability.Survival.Where(s => s.Outcome == o).Select(s => new SurvivalRow(s, null))
            .Concat(durability.Tests.Where(t => t.Outcome == o).Select(t => new SurvivalRow(null, t))));
        var method = durability.Specification.Primary;
        return
        [
            Durable(method).Draft(durability.Durable,
            [
                string.Create(c, $"Durable: in the outcome for at least {Durability.DurableMonths} consecutive months between month 1 and month {primaryHorizon} (the primary horizon)."),
                "Effect: difference with the control arm in the durable share, estimated like the intention-to-treat effects: " + durability.Specification.Adjustment.Description + (stratified ? " (with the strata)" : string.Empty) + "; " + method.Description + ".",
                .. durability.Notes,
            ]),
            Survival.Draft(survival,
            [
                string.Create(c, $"Months from randomisation to the first month in the outcome, censored at month {durability.FollowUpMonths} or the end of the register. Median with 95% limits (log-log); blank where not reached."),
                "Each treatment arm against the control: the cluster-robust score (log-rank type) test of Lin & Wei (1989) clustered by caseworker, 1 df; where it is more significant than the same test with persons as clusters, that unclustered result is shown and flagged (Unclustered test shown: yes), as for the effects. The curves are in the table of Kaplan–Meier points.",
            ]),
            Curve.Draft(durability.Survival.SelectMany(s => s.PublishablePoints(minimumCount)),
            [
                string.Create(c, $"Kaplan–Meier share with a first outflow with 95% limits (log-log), at the months by which at least {minimumCount} more persons of the arm had a first outflow than at the previous point, while at least {minimumCount} had none yet (coarsening for disclosure control)."),
            ]),
        ];
    }
}
