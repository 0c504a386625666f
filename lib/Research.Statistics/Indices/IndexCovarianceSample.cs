namespace Research.Statistics.Indices;

/// <summary>Which respondents the covariance matrix of the standardised components is estimated on.</summary>
public enum IndexCovarianceSample
{
    /// <summary>All respondents (Anderson 2008).</summary>
    FullSample,

    /// <summary>The control group only, so the weights cannot depend on treatment effects.</summary>
    Control,
}
