using Research.Analysis.Disclosure;
using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The effect of an arm on the benefit paid per participant from the first month after randomisation to a horizon.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Horizon">The last month counted.</param>
/// <param name="NArm">Persons of the arm observed throughout.</param>
/// <param name="NControl">Persons of the control arm observed throughout.</param>
/// <param name="ControlMean">Benefit paid per person of the control arm over the months (euros).</param>
/// <param name="ControlMagnitude">The control arm's amounts (for the dominance rule).</param>
/// <param name="Effect">The difference with the control arm in euros per participant (negative: benefit saved); null when not estimable.</param>
public sealed record FiscalEffect(ExperimentArm Arm, int Horizon, int NArm, int NControl, double ControlMean, Magnitude ControlMagnitude, EffectEstimate? Effect);
