namespace Research.Statistics.MetaAnalysis;

/// <summary>How the between-study variance τ² is treated when pooling.</summary>
public enum MetaAnalysisMethod
{
    /// <summary>Fixed (common) effect, inverse-variance weights; τ² = 0 (metafor <c>method="FE"</c>).</summary>
    FixedEffect,

    /// <summary>Random effects with the DerSimonian–Laird moment estimator of τ² (metafor <c>method="DL"</c>).</summary>
    DerSimonianLaird,

    /// <summary>Random effects with the restricted maximum-likelihood estimator of τ² (metafor <c>method="REML"</c>).</summary>
    RestrictedMaximumLikelihood,

    /// <summary>Random effects with the Paule–Mandel (empirical Bayes) estimator of τ² (metafor <c>method="PM"</c>).</summary>
    PauleMandel,
}
