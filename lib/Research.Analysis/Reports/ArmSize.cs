using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>An arm and how many participants were randomised to it.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Randomised">Participants randomised to the arm.</param>
public sealed record ArmSize(ExperimentArm Arm, int Randomised);
