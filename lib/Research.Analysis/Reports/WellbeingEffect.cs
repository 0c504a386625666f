using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Data.Design;
using Research.Scales.Instruments;

namespace Research.Analysis.Reports;

/// <summary>The effect of an arm on an instrument's score at the last survey wave (ANCOVA on the first-wave score).</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Score">The score analysed.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="NArm">Respondents of the arm with both scores.</param>
/// <param name="NControl">Respondents of the control arm with both scores.</param>
/// <param name="ControlMean">The control arm's mean score at the last wave.</param>
/// <param name="ControlSd">The control arm's standard deviation at the last wave.</param>
/// <param name="ControlMagnitude">The magnitude of the control arm's scores (for the dominance rule).</param>
/// <param name="Effect">The estimate with the report's inference methods; null when not estimable.</param>
public sealed record WellbeingEffect(Instrument Instrument, ScoreDefinition Score, ExperimentArm Arm, int NArm, int NControl, double ControlMean, double ControlSd,
    Magnitude ControlMagnitude, EffectEstimate? Effect)
{
    /// <summary>The primary method's p-value adjusted by Benjamini–Hochberg across the instruments within the arm; null when not estimable.</summary>
    public double? BenjaminiHochbergP { get; init; }

    /// <summary>Respondents in the model.</summary>
    public int N => NArm + NControl;

    /// <summary>The estimate in control-arm standard deviations; null when not estimable or the SD is 0.</summary>
    public double? EffectSd => Effect is { } e && ControlSd > 0 ? e.Estimate / ControlSd : null;
}
