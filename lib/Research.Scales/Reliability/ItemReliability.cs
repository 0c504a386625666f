namespace Research.Scales.Reliability;

/// <summary>Item statistics as in <c>psych::alpha</c>'s <c>item.stats</c> and <c>alpha.drop</c>.</summary>
/// <param name="Item">The item (column) name.</param>
/// <param name="Answered">Rows with a valid answer (psych "n").</param>
/// <param name="RawR">Correlation of the item with the total (person mean of the answered items), pairwise ("raw.r").</param>
/// <param name="StandardizedR">Item–total correlation from the correlation matrix: ΣR_j / √ΣR ("std.r").</param>
/// <param name="CorrectedR">As StandardizedR with the diagonal replaced by the smc ("r.cor").</param>
/// <param name="ItemRestR">Correlation of the item with the sum of the other items, from the covariances ("r.drop").</param>
/// <param name="Mean">Item mean over the answered rows.</param>
/// <param name="StandardDeviation">Item SD over the answered rows.</param>
/// <param name="IfDeleted">The alpha statistics without this item (null for scales of fewer than 3 items).</param>
public sealed record ItemReliability(
    string Item,
    int Answered,
    double RawR,
    double StandardizedR,
    double CorrectedR,
    double ItemRestR,
    double Mean,
    double StandardDeviation,
    AlphaStatistics? IfDeleted);
