using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>The tables of <see cref="PrimaryOutcomes"/>: one ITT table per inference method, <c>att</c>, <c>mde</c> and <c>monthly_shares</c>.</summary>
public static class PrimaryTables
{
    /// <summary>The name of the ITT table of <paramref name="method"/>: <c>itt</c> for HC2, <c>itt_clustered</c> for CR2 (with or without the never-narrower-than-HC2 rule), else <c>itt_{key}</c>.</summary>
    public static string IttName(InferenceMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method == InferenceMethod.HC2 ? "itt" : method == InferenceMethod.CR2 || method == InferenceMethod.ClusteredAtLeastRobust ? "itt_clustered" : $"itt_{method.Key}";
    }

    /// <summary>The group of the shares in <paramref name="outcome"/> in month <paramref name="month"/>, which effects at that month connect.</summary>
    public static string ShareGroup(ReportOutcome outcome, int month) => string.Create(CultureInfo.InvariantCulture, $"{outcome.Key}@{month}");

    /// <summary>The ITT table of one inference method: key <c>{arm}|{outcome}|{horizon}</c>.</summary>
    public static TableDefinition<IttEffect> Itt(InferenceMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var title = method == InferenceMethod.HC2 ? "Intention-to-treat effects (HC2 robust standard errors)"
            : method == InferenceMethod.CR2 ? "Intention-to-treat effects (standard errors clustered by caseworker)"
            : method == InferenceMethod.ClusteredAtLeastRobust ? "Intention-to-treat effects (clustered by caseworker, never narrower than HC2)"
            : $"Intention-to-treat effects ({method.Label})";
        return new TableBuilder<IttEffect>(IttName(method), title, e => PrimaryOutcomes.Key(e.Arm.Code, e.Outcome.Key, e.Horizon))
            .Arm(e => e.Arm)
            .Outcome(e => e.Outcome, e => e.Horizon)
            .Effect(e => e.Effect, method, ValueUnit.Share)
            .Judgement(e => e.Effect, method)
            .SampleSize(ResultValue.N, "Persons", e => e.N)
            .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
            .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
            .Share("control_mean", "Control share", "n_control", e => e.ControlMean, link: e => new ShareLink(ShareGroup(e.Outcome, e.Horizon), "control"))
            .Support(e => [e.NArm, e.NControl])
            .Links(e => new EffectLink(ShareGroup(e.Outcome, e.Horizon), e.Arm.Code, "control"))
            .Build();
    }

    /// <summary>Table <c>att</c>: effects on those who took up, with the report's primary inference method.</summary>
    public static TableDefinition<AttEffect> Att(InferenceMethod method) => new TableBuilder<AttEffect>("att", "Effects on those who took up the intervention",
            e => PrimaryOutcomes.Key(e.Arm.Code, e.Outcome.Key, e.Horizon))
        .Arm(e => e.Arm)
        .Outcome(e => e.Outcome, e => e.Horizon)
        .Effect(e => e.Effect, method, ValueUnit.Share, adjustedP: false, degreesOfFreedom: false)
        .Judgement(e => e.Effect, method)
        .Share("take_up", "Take-up", "n_arm", e => e.TakeUp)
        .SampleSize(ResultValue.N, "Persons", e => e.N)
        .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
        .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
        .Support(e => [e.NArm, e.NControl])
        .Build();

    /// <summary>Table <c>mde</c>: minimum detectable effects at the primary horizon, key <c>{arm}|{outcome}</c>.</summary>
    public static TableDefinition<DetectableEffect> Mde { get; } = new TableBuilder<DetectableEffect>("mde", "Minimum detectable effects at the primary horizon",
            e => $"{e.Arm.Code}|{e.Outcome.Key}")
        .Arm(e => e.Arm)
        .Outcome(e => e.Outcome, e => e.Horizon)
        .Label("ci_excludes_mde", "Interval excludes the MDE", e => e.IntervalExcludesMde switch { true => "yes", false => "no", null => "not estimable" })
        .Number("mde", ColumnKind.Spread, "Minimum detectable effect", e => e.MinimumDetectable, ValueUnit.Share)
        .Number("icc", ColumnKind.Index, "ICC (caseworkers)", e => e.Icc)
        .Number("design_effect", ColumnKind.Index, "Design effect", e => e.DesignEffect)
        .SampleSize("n_arm", "Persons in the arm", e => e.NArm)
        .SampleSize("n_control", "Persons in the control arm", e => e.NControl)
        .SampleSize(ResultValue.N, "Persons", e => e.N)
        .Share("control_mean", "Control share", "n_control", e => e.ControlMean, link: e => new ShareLink(ShareGroup(e.Outcome, e.Horizon), "control"))
        .Support(e => [e.NArm, e.NControl])
        .Build();

    /// <summary>Table <c>monthly_shares</c>: key <c>{arm}|{outcome}|{month}</c>; the share in the outcome with its Wilson 95% interval, and the persons observed.</summary>
    public static TableDefinition<MonthlyShare> MonthlyShares { get; } = new TableBuilder<MonthlyShare>("monthly_shares", "Monthly share in each outcome by arm",
            s => PrimaryOutcomes.Key(s.Arm.Code, s.Outcome.Key, s.Month))
        .Arm(s => s.Arm, withType: false)
        .Outcome(s => s.Outcome)
        .Label("month", "Month", s => s.Month.ToString(CultureInfo.InvariantCulture))
        .SampleSize(ResultValue.N, "Persons observed", s => s.N)
        .Share("share", "Share", ResultValue.N, s => s.Share, link: s => new ShareLink(ShareGroup(s.Outcome, s.Month), s.Arm.IsControl ? "control" : s.Arm.Code))
        .IntervalOf("share", ResultValue.CiLow, ResultValue.CiHigh, s => s.Interval.Lower, s => s.Interval.Upper)
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(PrimaryOutcomes primary, bool stratified)
    {
        ArgumentNullException.ThrowIfNull(primary);
        string[] common =
        [
            "Intention-to-treat: difference with the control arm in the share in the outcome in the given month after randomisation, " + primary.Specification.Adjustment.Description
                + (stratified ? " and for the randomisation strata (fixed effects)." : "."),
            string.Create(CultureInfo.InvariantCulture, $"Primary hypotheses (the Kamerbrief's primary outcome): more than 27 hours a week and off benefit at month {primary.MainHorizon}, one per treatment arm; p (Holm) is Holm-adjusted across them and given for those rows only. More than 12 hours a week is the additional outcome and other months are secondary: their p-values are not corrected for multiplicity. The 95% intervals are not adjusted for multiplicity."),
            string.Create(CultureInfo.InvariantCulture, $"Horizons: month {primary.MainHorizon} as the main horizon, and months 12, 24 and 36, are assumed: no pre-registration of the horizons is known for this experiment."),
            primary.EquivalenceNote,
            .. primary.Notes,
        ];
        var tables = primary.Specification.Methods.Select(m => Itt(m).Draft(primary.Effects,
        [
            .. common,
            m == InferenceMethod.ClusteredAtLeastRobust
                ? "Primary inference (docs/inference.md): CR2 standard errors clustered by caseworker (Bell–McCaffrey) with Satterthwaite degrees of freedom; where the CR2 interval is narrower than the HC2 interval the HC2 result is shown and the row is flagged (HC2 shown: yes), so clustering never narrows an interval. Caseworkers were not assigned at random."
                : m == InferenceMethod.CR2
                ? "Standard errors CR2 clustered by caseworker (Bell–McCaffrey) with Satterthwaite degrees of freedom; caseworkers were not assigned at random."
                : m == InferenceMethod.HC2 ? "Standard errors HC2 (heteroskedasticity-robust); 95% intervals with n − k degrees of freedom." : m.Description + ".",
        ])).ToList();
        tables.Add(Att(primary.Specification.Primary).Draft(primary.Att,
            [primary.Specification.Adjustment == Adjustment.Prognostic
                ? $"Average effect on the treated: the Lin-adjusted ITT over the Lin-adjusted difference in take-up, same covariates as the ITT; its interval from the ITT of the outcome minus the effect times take-up ({primary.Specification.Primary.Label}). Nobody in the control arm can take up (one-sided non-compliance). Where take-up is 100% the ATT equals the ITT."
                : "Average effect on the treated: take-up instrumented by assignment (ITT / take-up), same covariates as the ITT, HC2 standard errors. Nobody in the control arm can take up (one-sided non-compliance). Where take-up is 100% the ATT equals the ITT.",
                primary.EquivalenceNote, .. primary.Notes]));
        tables.Add(Mde.Draft(primary.Detectable,
        [
            "Minimum detectable effect: the true effect a two-sided 5% test detects with 80% power, for the realised arm sizes, the control share's binomial variance and the design effect 1 + ((1 + cv²)·m − 1)·ρ of clustering by caseworker (ρ estimated by one-way ANOVA on the outcome).",
            $"Interval excludes the MDE: yes when the {primary.Specification.Primary.Label} 95% interval excludes effects as large as the MDE in either direction; no when effects of that size remain plausible.",
        ]));
        tables.Add(MonthlyShares.Draft(primary.MonthlyShares,
        [
            "Share of the arm's persons observed in the month who are in the outcome, with its Wilson 95% interval; months relative to each person's randomisation month (negative: before).",
        ]));
        return tables;
    }
}
