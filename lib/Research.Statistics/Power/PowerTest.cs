namespace Research.Statistics.Power;

/// <summary>Reference distribution of the two-sided test whose power is computed.</summary>
public enum PowerTest
{
    /// <summary>z test: power Φ(λ − z) + Φ(−λ − z), λ = δ/SE (statsmodels <c>NormalIndPower</c>).</summary>
    Normal,

    /// <summary>
    /// t test with the design's degrees of freedom: power P(|T'| &gt; t_crit) with T' noncentral t, noncentrality λ
    /// (R <c>power.t.test(strict = TRUE)</c> for equal arms). Honest for small samples and few clusters, where the
    /// normal version overstates power.
    /// </summary>
    StudentT,
}
