namespace Research.Statistics.Randomisation;

/// <summary>How the randomisation distribution was obtained.</summary>
public enum RandomisationMethod
{
    /// <summary>Every distinct assignment the design allows was evaluated.</summary>
    Exact,

    /// <summary>A seeded random sample of assignments was evaluated.</summary>
    MonteCarlo,
}
