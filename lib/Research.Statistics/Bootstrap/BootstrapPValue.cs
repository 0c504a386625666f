namespace Research.Statistics.Bootstrap;

/// <summary>How a bootstrap p-value compares the bootstrap statistics t*_b with the observed t.</summary>
public enum BootstrapPValue
{
    /// <summary>Symmetric: the share of draws with |t*_b| ≥ |t| (boottest's default for a single restriction).</summary>
    Symmetric,

    /// <summary>Equal-tailed: 2·min(share with t*_b ≤ t, share with t*_b ≥ t), capped at 1; robust to an asymmetric bootstrap distribution.</summary>
    EqualTailed,
}
