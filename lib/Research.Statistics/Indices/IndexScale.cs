namespace Research.Statistics.Indices;

/// <summary>The scale of the final index.</summary>
public enum IndexScale
{
    /// <summary>Re-standardised to mean 0 and standard deviation 1 in the control group, so effects read in control-group SDs.</summary>
    ControlStandardised,

    /// <summary>The weighted mean of the standardised components as it is (Anderson's ŝ).</summary>
    WeightedMean,
}
