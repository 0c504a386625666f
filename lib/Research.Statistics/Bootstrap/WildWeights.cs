namespace Research.Statistics.Bootstrap;

/// <summary>The distribution of the cluster-level multipliers v_g of the wild cluster bootstrap (mean 0, variance 1).</summary>
public enum WildWeights
{
    /// <summary>±1 with probability ½ each (the default of <c>boottest</c> and fwildclusterboot). G clusters allow only 2^G draws.</summary>
    Rademacher,

    /// <summary>
    /// Webb's (2023) six-point distribution ±√(1/2), ±1, ±√(3/2), each with probability 1/6: 6^G distinct draws, the
    /// recommended choice with fewer than about 12 clusters, where Rademacher p-values are too coarse.
    /// </summary>
    Webb,
}
