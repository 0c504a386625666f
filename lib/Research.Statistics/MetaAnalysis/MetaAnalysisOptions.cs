namespace Research.Statistics.MetaAnalysis;

/// <summary>Settings for <see cref="MetaAnalyzer.Fit"/> and <see cref="SubgroupAnalyzer"/>.</summary>
/// <param name="Method">Fixed effect or the τ² estimator for random effects.</param>
/// <param name="Test">Normal or Knapp–Hartung inference for the pooled estimate.</param>
/// <param name="ConfidenceLevel">Level of all intervals (pooled estimate, prediction, τ²), strictly between 0 and 1.</param>
public sealed record MetaAnalysisOptions(
    MetaAnalysisMethod Method = MetaAnalysisMethod.RestrictedMaximumLikelihood,
    PooledEstimateTest Test = PooledEstimateTest.Normal,
    double ConfidenceLevel = 0.95)
{
    /// <summary>REML random effects with normal-theory inference at 95%, metafor's defaults.</summary>
    public static MetaAnalysisOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be strictly between 0 and 1, e.g. 0.95.");
        }

        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown meta-analysis method.");
        }

        if (!Enum.IsDefined(Test))
        {
            throw new ArgumentOutOfRangeException(nameof(Test), Test, "Unknown pooled-estimate test.");
        }
    }
}
