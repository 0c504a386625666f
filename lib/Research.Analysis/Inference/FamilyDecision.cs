using Research.Data.Design;

namespace Research.Analysis.Inference;

/// <summary>One hypothesis of a multiplicity family.</summary>
/// <param name="Arm">The arm whose effect is tested.</param>
/// <param name="PValue">The unadjusted p-value.</param>
/// <param name="AdjustedPValue">The p-value adjusted for the family.</param>
/// <param name="Rejected">Whether the adjusted p-value is at most the family's α.</param>
public sealed record FamilyDecision(ExperimentArm Arm, double PValue, double AdjustedPValue, bool Rejected);
