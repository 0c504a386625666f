namespace Research.Scales.Instruments;

/// <summary>How well a declared rule is backed by the cited sources.</summary>
public enum BasisStatus
{
    /// <summary>Stated by the cited sources.</summary>
    Sourced,

    /// <summary>Worked out from a cited source (for example from published SPSS syntax), not stated verbatim.</summary>
    Inferred,

    /// <summary>Background knowledge that was not checked against a primary source.</summary>
    Unverified,

    /// <summary>The reference has no rule; the declared value is an explicit default.</summary>
    NotFound,

    /// <summary>Common practice, not an official rule.</summary>
    Convention,
}
