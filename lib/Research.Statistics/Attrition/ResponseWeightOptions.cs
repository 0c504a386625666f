namespace Research.Statistics.Attrition;

/// <summary>Settings of <see cref="ResponseWeights.Estimate"/>.</summary>
/// <param name="Stabilised">Multiply 1/p̂ᵢ by the overall response rate, so weights average about 1 among respondents (the estimates do not change).</param>
/// <param name="Trimming">Limit on extreme weights.</param>
/// <param name="TrimmingThreshold">The quantile (in (0.5, 1)) or probability floor (in (0, 0.5)) of the trimming.</param>
public sealed record ResponseWeightOptions(bool Stabilised = true, WeightTrimming Trimming = WeightTrimming.None, double TrimmingThreshold = 0.99)
{
    /// <summary>Stabilised, untrimmed weights.</summary>
    public static ResponseWeightOptions Default { get; } = new();
}
