using Research.Statistics.Inference;

namespace Research.Analysis.Reports;

/// <summary>The test that an outcome's arm effects are the same in every subgroup of a characteristic (exploratory).</summary>
/// <param name="Dimension">The characteristic.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Test">The Wald test that all arm × subgroup interactions are zero; null when not estimable.</param>
/// <param name="SmallestGroup">The fewest persons of any arm in any subgroup (what the test rests on).</param>
public sealed record InteractionTest(SubgroupDimension Dimension, ReportOutcome Outcome, WaldTestResult? Test, int SmallestGroup);
