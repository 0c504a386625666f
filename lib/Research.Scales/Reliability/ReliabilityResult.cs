namespace Research.Scales.Reliability;

/// <summary>Reliability of one item set.</summary>
/// <param name="Items">Item names in input order.</param>
/// <param name="Handling">How missing answers were treated.</param>
/// <param name="Rows">Rows analysed (all rows for pairwise, complete rows for listwise).</param>
/// <param name="Alpha">Whole-scale alpha statistics.</param>
/// <param name="TotalMean">Mean of the person-mean total over rows with at least one answer (psych "mean").</param>
/// <param name="TotalStandardDeviation">SD of that total (psych "sd").</param>
/// <param name="ItemStatistics">Per-item statistics incl. alpha-if-item-deleted.</param>
/// <param name="Omega">ω from a one-factor model; null for fewer than 3 items.</param>
public sealed record ReliabilityResult(
    IReadOnlyList<string> Items,
    MissingItemHandling Handling,
    int Rows,
    AlphaStatistics Alpha,
    double TotalMean,
    double TotalStandardDeviation,
    IReadOnlyList<ItemReliability> ItemStatistics,
    OmegaResult? Omega);
