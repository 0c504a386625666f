using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Results;
using Research.Scales.Instruments;

namespace Research.Analysis.Reports.Tables;

/// <summary>
/// The tables of <see cref="Wellbeing"/>: <c>wellbeing_index</c> and <c>wellbeing_bounds</c> (the primary survey
/// outcome), <c>reliability</c>, <c>wellbeing_means</c> and <c>wellbeing</c>.
/// </summary>
public static class WellbeingTables
{
    /// <summary>A row of <c>wellbeing_index</c>: one arm's index effect, from the respondents as they are or response-weighted.</summary>
    /// <param name="Effect">The arm's index effects.</param>
    /// <param name="Weighted">Whether this row is the response-weighted estimate.</param>
    public sealed record IndexRow(WellbeingIndexEffect Effect, bool Weighted)
    {
        /// <summary>The estimate of this row.</summary>
        public Inference.ArmEffect Estimate => Weighted ? Effect.Weighted : Effect.CompleteCase;
    }

    /// <summary>
    /// Table <c>wellbeing_index</c>: key <c>{arm}|{estimator}</c> (<c>response_weighted</c>, the primary estimate, or
    /// <c>complete_case</c>); the effect on the summary index in control-group standard deviations with the report's
    /// inference rule, whether HC2 is shown, and the respondents in the arm and the control arm.
    /// </summary>
    public static TableDefinition<IndexRow> Index { get; } = new TableBuilder<IndexRow>("wellbeing_index", "Effect on the wellbeing summary index (primary survey outcome)",
            r => $"{r.Effect.Arm.Code}|{(r.Weighted ? "response_weighted" : "complete_case")}")
        .Arm(r => r.Effect.Arm)
        .Label("estimator", "Estimator", r => r.Weighted ? "response-weighted (primary)" : "respondents as they are")
        .Label("wave", "Wave", r => r.Effect.Wave.ToString(CultureInfo.InvariantCulture))
        .Number(ResultValue.Estimate, ColumnKind.Estimate, "Effect", r => r.Estimate.Reported.Estimate, ValueUnit.StandardDeviations)
        .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", r => r.Estimate.Reported.StandardError, ValueUnit.StandardDeviations)
        .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", r => r.Estimate.Reported.ConfidenceInterval.Lower, ValueUnit.StandardDeviations)
        .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", r => r.Estimate.Reported.ConfidenceInterval.Upper, ValueUnit.StandardDeviations)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", r => r.Estimate.Reported.PValue)
        .Number("df", ColumnKind.DegreesOfFreedom, "df", r => r.Estimate.Reported.DegreesOfFreedom is var df && double.IsFinite(df) ? df : null)
        .Label("hc2_shown", "HC2 shown (clustered interval narrower)", r => r.Estimate.ClusteredNarrowerThanRobust ? "yes" : "no")
        .SampleSize("n_arm", "Respondents in the arm", r => r.Estimate.ArmCount)
        .SampleSize("n_control", "Respondents in the control arm", r => r.Estimate.ControlCount)
        .Support(r => [r.Estimate.ArmCount, r.Estimate.ControlCount])
        .Build();

    /// <summary>
    /// Table <c>wellbeing_bounds</c>: key <c>{arm}</c>; Lee (2009) bounds on the index effect for those who would respond
    /// under either assignment, the Imbens–Manski 95% interval, which group was trimmed and by how much, and the response
    /// rates they rest on.
    /// </summary>
    public static TableDefinition<WellbeingIndexEffect> Bounds { get; } = new TableBuilder<WellbeingIndexEffect>("wellbeing_bounds", "Bounds on the wellbeing index effect under attrition (Lee)",
            e => e.Arm.Code)
        .Arm(e => e.Arm)
        .Number("lower", ColumnKind.Estimate, "Lower bound", e => e.Bounds.Lower, ValueUnit.StandardDeviations)
        .Number("upper", ColumnKind.Estimate, "Upper bound", e => e.Bounds.Upper, ValueUnit.StandardDeviations)
        .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower (Imbens–Manski)", e => e.Bounds.ImbensManskiInterval.Lower, ValueUnit.StandardDeviations)
        .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper (Imbens–Manski)", e => e.Bounds.ImbensManskiInterval.Upper, ValueUnit.StandardDeviations)
        .Label("trimmed", "Respondents trimmed in", e => e.Bounds.Trimmed == Statistics.Attrition.TrimmedGroup.Treated ? "arm" : "control")
        .Number("trimming", ColumnKind.Index, "Share of those respondents trimmed", e => e.Bounds.TrimmingProportion)
        .SampleSize("n_arm", "Persons in the arm", e => e.Bounds.TreatedCount)
        .Share("response_arm", "Response in the arm", "n_arm", e => e.Bounds.TreatedResponseRate)
        .SampleSize("n_control", "Persons in the control arm", e => e.Bounds.ControlCount)
        .Share("response_control", "Response in the control arm", "n_control", e => e.Bounds.ControlResponseRate)
        .Support(e => [e.Bounds.TreatedRespondents, e.Bounds.ControlRespondents])
        .Build();

    /// <summary>Table <c>reliability</c>: key <c>{instrument}|{score}</c>; alpha, omega (null for fewer than three items), items, n.</summary>
    public static TableDefinition<InstrumentReliability> Reliability { get; } = new TableBuilder<InstrumentReliability>("reliability",
            "Reliability of the wellbeing instruments in this sample", r => $"{r.Instrument.Id}|{r.Score.Id}")
        .Instrument(r => r.Instrument, r => r.Score)
        .Number("alpha", ColumnKind.Index, "Cronbach's α", r => r.Result.Alpha.RawAlpha)
        .Number("omega", ColumnKind.Index, "McDonald's ω", r => r.Result.Omega?.OmegaTotal)
        .Number("items", ColumnKind.Tally, "Items", r => r.Score.Items.Count)
        .SampleSize(ResultValue.N, "Respondents", r => r.Result.Rows)
        .Support(r => [r.Result.Rows])
        .Build();

    /// <summary>Table <c>wellbeing_means</c>: key <c>{instrument}|{arm}|{wave}</c>; mean, sd, n.</summary>
    public static TableDefinition<ScoreMean> Means { get; } = new TableBuilder<ScoreMean>("wellbeing_means", "Mean wellbeing scores by arm and wave",
            m => string.Create(CultureInfo.InvariantCulture, $"{m.Instrument.Id}|{m.Arm.Code}|{m.Wave}"))
        .Instrument(m => m.Instrument, m => m.Instrument.Scores[0])
        .Arm(m => m.Arm, withType: false)
        .Label("wave", "Wave", m => m.Wave.ToString(CultureInfo.InvariantCulture))
        .SampleSize(ResultValue.N, "Respondents", m => m.N)
        .Amount("mean", "Mean score", ValueUnit.Points, ResultValue.N, m => m.Mean, magnitude: m => Magnitude.Of(m.Values))
        .SpreadOf("mean", "sd", "SD", m => m.StandardDeviation)
        .IntervalOf("mean", ResultValue.CiLow, ResultValue.CiHigh, m => m.Interval?.Lower, m => m.Interval?.Upper)
        .Build();

    /// <summary>
    /// Table <c>wellbeing</c>: key <c>{instrument}|{arm}</c>; estimate, se, ci_low, ci_high, p under
    /// <paramref name="method"/> (the report's primary method), p_bh (Benjamini–Hochberg across the instruments within the
    /// arm), hc2_shown, effect_sd (estimate / control SD at the last wave), n, n_arm, n_control, control_mean.
    /// </summary>
    public static TableDefinition<WellbeingEffect> Effects(InferenceMethod method) => new TableBuilder<WellbeingEffect>("wellbeing", "Effects on each wellbeing instrument at the last survey wave (secondary)",
            e => $"{e.Instrument.Id}|{e.Arm.Code}")
        .Instrument(e => e.Instrument, e => e.Score)
        .Arm(e => e.Arm)
        .Label("higher_means", "Higher means", e => e.Score.HigherMeans ?? string.Empty)
        .Effect(e => e.Effect, method, ValueUnit.Points, adjustedP: false, degreesOfFreedom: false)
        .Number(ResultValue.BenjaminiHochbergP, ColumnKind.PValue, "p (BH across instruments)", e => e.BenjaminiHochbergP)
        .Judgement(e => e.Effect, method)
        .Number("effect_sd", ColumnKind.Estimate, "Effect in SD", e => e.EffectSd, ValueUnit.StandardDeviations)
        .SampleSize(ResultValue.N, "Respondents", e => e.N)
        .SampleSize("n_arm", "Respondents in the arm", e => e.NArm)
        .SampleSize("n_control", "Respondents in the control arm", e => e.NControl)
        .Amount("control_mean", "Control mean", ValueUnit.Points, "n_control", e => e.ControlMean, magnitude: e => e.ControlMagnitude)
        .Support(e => [e.NArm, e.NControl])
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(Wellbeing wellbeing, bool stratified)
    {
        ArgumentNullException.ThrowIfNull(wellbeing);
        var c = CultureInfo.InvariantCulture;
        var method = wellbeing.Specification.Primary;
        return
        [
            Index.Draft(wellbeing.Index.SelectMany(e => new[] { new IndexRow(e, Weighted: true), new IndexRow(e, Weighted: false) }),
            [
                string.Create(c, $"Primary survey outcome, pre-specified: the inverse-covariance-weighted summary index (Anderson 2008) of {string.Join(", ", Inference.WellbeingIndex.Components.Select(x => x.Instrument))} at wave {wellbeing.LastWave}, standardised on the control arm (effects in control-arm standard deviations; distress and loneliness reversed so that higher is better)."),
                "Estimated like the register effects: Lin's adjustment for the prognostic covariates; " + method.Description + ".",
                "Response-weighted (primary): respondents weighted by the inverse of their estimated probability of responding (logit on arm, the prognostic covariates and being off benefit in the survey month — register data that exist for everyone). Respondents as they are: the same model without weights.",
                .. wellbeing.Notes.Where(n => n.Contains("wellbeing index", StringComparison.Ordinal)),
            ]),
            Bounds.Draft(wellbeing.Index,
            [
                "Lee (2009) bounds: the effect for those who would have responded under either assignment, trimming the group with the higher response; they assume only that assignment moves response in one direction. The 95% interval covers the effect with 95% probability (Imbens & Manski 2004).",
            ]),
            Reliability.Draft(wellbeing.Reliability,
            [
                string.Create(c, $"Survey wave {wellbeing.FirstWave}, scored (keyed, recoded) items, pairwise-complete covariances as psych::alpha; omega total from a one-factor model. Single-item scores have no internal consistency and are not listed."),
            ]),
            Means.Draft(wellbeing.Means, ["Respondents with a valid score in the wave; scores as defined in each instrument file."]),
            Effects(method).Draft(wellbeing.Effects,
            [
                string.Create(c, $"Secondary outcomes. ANCOVA: score at wave {wellbeing.LastWave} on arm and the wave-{wellbeing.FirstWave} score (centred)") + (stratified ? " and the strata" : string.Empty) + ", respondents with both scores; " + method.Description + ". p (BH): Benjamini–Hochberg across the instruments within each arm (false discovery rate); the wellbeing index above is the one primary test.",
                "Effect in SD: the effect divided by the control arm's standard deviation at the last wave. Whether a higher score is better is given under 'Higher means'.",
                .. wellbeing.Notes.Where(n => !n.Contains("wellbeing index", StringComparison.Ordinal)),
            ]),
        ];
    }

    private static TableBuilder<T> Instrument<T>(this TableBuilder<T> builder, Func<T, Instrument> instrument, Func<T, ScoreDefinition> score) =>
        builder.Label("instrument", "Instrument code", r => instrument(r).Id).Label("instrument_name", "Instrument", r => instrument(r).Name).Label("score", "Score", r => score(r).Id);
}
