namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// How a site's sampling variance is inflated when its standard error rests on few degrees of freedom (e.g. a CR2 SE
/// with Bell–McCaffrey df of 4–12), so that inverse-variance pooling does not treat it as known.
/// </summary>
public enum VarianceInflation
{
    /// <summary>No inflation: the variance is treated as known (standard meta-analysis).</summary>
    None,

    /// <summary>
    /// v·df/(df − 2), the variance of a t(df) variable with scale √v: the site's estimate is treated as t-distributed.
    /// Undefined for df ≤ 2.
    /// </summary>
    StudentTVariance,

    /// <summary>
    /// v·(t_{df, 1−α/2}/z_{1−α/2})²: the site's normal-theory interval then equals its own t interval, so forest-plot
    /// intervals are the municipal tables' intervals (depends on the confidence level; defined for every df &gt; 0).
    /// </summary>
    StudentTQuantile,
}
