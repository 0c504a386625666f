using Research.Statistics.Survival;

namespace Research.Analysis.Reports;

/// <summary>The log-rank test that the time to a first outflow does not differ between the arms.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Test">The test.</param>
/// <param name="N">Persons in all arms.</param>
public sealed record LogRankComparison(ReportOutcome Outcome, LogRankResult Test, int N);
