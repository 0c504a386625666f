using Research.Data.Design;
using Research.Statistics.Attrition;

namespace Research.Analysis.Inference;

/// <summary>Lee (2009) bounds on one arm's effect among those who would respond whatever their assignment.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Bounds">The bounds, their standard errors and the Imbens–Manski interval.</param>
public sealed record ArmBounds(ExperimentArm Arm, LeeBoundsResult Bounds);
