namespace Research.Scales.Instruments;

/// <summary>How the scored item values of a score are combined.</summary>
public enum Aggregation
{
    /// <summary>Sum of the scored item values (also used for counts of dichotomised items and for single items).</summary>
    Sum,

    /// <summary>Mean of the scored item values.</summary>
    Mean,
}
