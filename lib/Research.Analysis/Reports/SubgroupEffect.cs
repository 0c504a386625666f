using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The effect of an arm within one subgroup (exploratory).</summary>
/// <param name="Dimension">The characteristic that defines the subgroups.</param>
/// <param name="Level">The subgroup, e.g. <c>under 35</c>.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Horizon">Months after randomisation.</param>
/// <param name="NArm">Persons of the arm in the subgroup.</param>
/// <param name="NControl">Persons of the control arm in the subgroup.</param>
/// <param name="Effect">The estimate; null when not estimable.</param>
public sealed record SubgroupEffect(SubgroupDimension Dimension, string Level, ExperimentArm Arm, ReportOutcome Outcome, int Horizon, int NArm, int NControl, EffectEstimate? Effect);
