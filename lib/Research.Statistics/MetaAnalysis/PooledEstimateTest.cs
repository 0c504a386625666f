namespace Research.Statistics.MetaAnalysis;

/// <summary>How the standard error, test and confidence interval of the pooled estimate are formed.</summary>
public enum PooledEstimateTest
{
    /// <summary>Wald test against the standard normal (metafor <c>test="z"</c>).</summary>
    Normal,

    /// <summary>
    /// Hartung–Knapp–Sidik–Jonkman: the variance is scaled by
    /// q = Σ wᵢ(yᵢ − μ̂)² / (k − 1) and the test uses Student t with k − 1 degrees of freedom
    /// (metafor <c>test="knha"</c>). Undefined when all estimates coincide (q = 0); that case is rejected.
    /// </summary>
    KnappHartung,

    /// <summary>
    /// Knapp–Hartung with the ad hoc truncation q* = max(1, q), so the interval is never narrower than the
    /// normal-theory one (metafor <c>test="adhoc"</c>).
    /// </summary>
    KnappHartungTruncated,
}
