using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Synthesis;

/// <summary>The test that the pooled effects of the intervention types are equal, on one outcome at one horizon.</summary>
/// <param name="Outcome">Outcome key.</param>
/// <param name="Horizon">Horizon key.</param>
/// <param name="Test">The Q-between test across the types pooled from at least two sites.</param>
public sealed record TypeDifference(string Outcome, string Horizon, SubgroupAnalysis Test);
