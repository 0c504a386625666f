namespace Research.Statistics.Randomisation;

/// <summary>Which re-randomised statistics count as at least as extreme as the observed one.</summary>
public enum Alternative
{
    /// <summary>|T*| ≥ |T|.</summary>
    TwoSided,

    /// <summary>T* ≥ T.</summary>
    Greater,

    /// <summary>T* ≤ T.</summary>
    Less,
}
