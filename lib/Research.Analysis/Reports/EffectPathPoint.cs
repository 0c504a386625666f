using Research.Analysis.Effects;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The intention-to-treat effect of an arm on an outcome in one month relative to randomisation (negative: before it, a placebo).</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Month">Months since randomisation.</param>
/// <param name="NArm">Persons of the arm observed that month.</param>
/// <param name="NControl">Persons of the control arm observed that month.</param>
/// <param name="Effect">The estimate; null when not estimable.</param>
public sealed record EffectPathPoint(ExperimentArm Arm, ReportOutcome Outcome, int Month, int NArm, int NControl, EffectEstimate? Effect);
