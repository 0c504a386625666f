namespace Research.Statistics.Attrition;

/// <summary>How extreme inverse-probability weights are limited (a bias–variance choice to state in advance).</summary>
public enum WeightTrimming
{
    /// <summary>No limit.</summary>
    None,

    /// <summary>
    /// Weights above the given quantile (<see cref="ResponseWeightOptions.TrimmingThreshold"/>, e.g. 0.99) of the
    /// respondents' weights are set to that quantile (R's default quantile, type 7).
    /// </summary>
    Quantile,

    /// <summary>Response probabilities below the threshold (e.g. 0.05) are raised to it before inverting, capping weights at 1/threshold.</summary>
    ProbabilityFloor,
}
