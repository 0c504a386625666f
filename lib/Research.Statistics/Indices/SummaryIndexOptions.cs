namespace Research.Statistics.Indices;

/// <summary>Settings of <see cref="SummaryIndex.Compute"/>.</summary>
/// <param name="CovarianceSample">Respondents whose standardised components give the covariance matrix.</param>
/// <param name="Scale">Scale of the index.</param>
/// <param name="MinimumComponents">Respondents with fewer non-missing components get a missing index (Anderson: 1).</param>
public sealed record SummaryIndexOptions(
    IndexCovarianceSample CovarianceSample = IndexCovarianceSample.FullSample,
    IndexScale Scale = IndexScale.ControlStandardised,
    int MinimumComponents = 1)
{
    /// <summary>Anderson's choices: full-sample covariance, any available component, then control-standardised.</summary>
    public static SummaryIndexOptions Default { get; } = new();
}
