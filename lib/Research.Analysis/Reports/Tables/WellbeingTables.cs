using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Analysis.Results;
using Research.Scales.Instruments;

namespace Research.Analysis.Reports.Tables;

/// <summary>The tables of <see cref="Wellbeing"/>: <c>reliability</c>, <c>wellbeing_means</c> and <c>wellbeing</c>.</summary>
public static class WellbeingTables
{
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
    /// Table <c>wellbeing</c>: key <c>{instrument}|{arm}</c>; estimate, se, ci_low, ci_high, p, p_holm (across arms),
    /// effect_sd (estimate / control SD at the last wave), n, n_arm, n_control, control_mean.
    /// </summary>
    public static TableDefinition<WellbeingEffect> Effects { get; } = new TableBuilder<WellbeingEffect>("wellbeing", "Effects on wellbeing at the last survey wave",
            e => $"{e.Instrument.Id}|{e.Arm.Code}")
        .Instrument(e => e.Instrument, e => e.Score)
        .Arm(e => e.Arm)
        .Label("higher_means", "Higher means", e => e.Score.HigherMeans ?? string.Empty)
        .Effect(e => e.Effect, InferenceMethod.HC2, ValueUnit.Points, degreesOfFreedom: false)
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
        return
        [
            Reliability.Draft(wellbeing.Reliability,
            [
                string.Create(c, $"Survey wave {wellbeing.FirstWave}, scored (keyed, recoded) items, pairwise-complete covariances as psych::alpha; omega total from a one-factor model. Single-item scores have no internal consistency and are not listed."),
            ]),
            Means.Draft(wellbeing.Means, ["Respondents with a valid score in the wave; scores as defined in each instrument file."]),
            Effects.Draft(wellbeing.Effects,
            [
                string.Create(c, $"ANCOVA: score at wave {wellbeing.LastWave} on arm and the wave-{wellbeing.FirstWave} score (centred)") + (stratified ? " and the strata" : string.Empty) + ", respondents with both scores, HC2 standard errors; p (Holm): adjusted across the arms within each instrument.",
                "Effect in SD: the effect divided by the control arm's standard deviation at the last wave. Whether a higher score is better is given under 'Higher means'.",
                .. wellbeing.Notes,
            ]),
        ];
    }

    private static TableBuilder<T> Instrument<T>(this TableBuilder<T> builder, Func<T, Instrument> instrument, Func<T, ScoreDefinition> score) =>
        builder.Label("instrument", "Instrument code", r => instrument(r).Id).Label("instrument_name", "Instrument", r => instrument(r).Name).Label("score", "Score", r => score(r).Id);
}
