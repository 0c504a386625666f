namespace Research.Statistics.Survival;

/// <summary>
/// Scale on which the pointwise confidence interval of a survival curve is built from the Greenwood variance
/// (the <c>conf.type</c> of R's <c>survfit</c>). Log-log is the default here because its limits always lie in [0, 1]
/// and it behaves well in the tails; note that R's own default is <see cref="Log"/>.
/// </summary>
public enum SurvivalConfidenceTransform
{
    /// <summary>exp(−exp(log(−log Ŝ) ∓ z·se/log Ŝ)), se the standard error of log Ŝ; undefined where Ŝ is 0 or 1.</summary>
    LogLog,

    /// <summary>Ŝ·exp(∓ z·se), upper limit capped at 1; undefined where Ŝ = 0.</summary>
    Log,

    /// <summary>Ŝ ∓ z·Ŝ·se, clipped to [0, 1]; undefined where Ŝ = 0.</summary>
    Plain,
}
