using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The main-horizon effect of an arm under one definition of outflow.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Horizon">Months after randomisation.</param>
/// <param name="NArm">Persons of the arm in the model.</param>
/// <param name="NControl">Persons of the control arm in the model.</param>
/// <param name="ControlMean">The control arm's share in the outcome.</param>
/// <param name="Effect">The estimate; null when not estimable.</param>
public sealed record DefinitionEffect(OutflowDefinition Definition, ExperimentArm Arm, int Horizon, int NArm, int NControl, double ControlMean, EffectEstimate? Effect);
