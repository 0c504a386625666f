namespace Research.Statistics.MetaAnalysis;

/// <summary>Everything needed to draw a forest plot of one meta-analysis.</summary>
/// <param name="Studies">One row per study, in input order.</param>
/// <param name="Pooled">The pooled estimate.</param>
/// <param name="PredictionInterval">Prediction interval for the effect in a new study; null for a fixed-effect model.</param>
public sealed record ForestPlotData(IReadOnlyList<ForestPlotRow> Studies, ForestPlotRow Pooled, Interval? PredictionInterval);
