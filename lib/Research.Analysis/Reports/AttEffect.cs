using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The effect on those who took up an arm's intervention (ITT / take-up, by 2SLS).</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Horizon">Months after randomisation.</param>
/// <param name="TakeUp">The share of the arm's persons in the model who took up.</param>
/// <param name="NArm">Persons of the arm in the model.</param>
/// <param name="NControl">Persons of the control arm in the model.</param>
/// <param name="Effect">The 2SLS estimate and its inference; null when not estimable.</param>
public sealed record AttEffect(ExperimentArm Arm, ReportOutcome Outcome, int Horizon, double TakeUp, int NArm, int NControl, EffectEstimate? Effect)
{
    /// <summary>Persons in the model.</summary>
    public int N => NArm + NControl;
}
