namespace Research.Analysis.Results;

/// <summary>The unit of a column's numbers, so a report can say "percentage points" or "euros" rather than guess.</summary>
public enum ValueUnit
{
    /// <summary>No unit, or the kind says it all (counts, p-values).</summary>
    None,

    /// <summary>Shares on the 0–1 scale; differences between shares are percentage points.</summary>
    Share,

    /// <summary>Points on an instrument's score scale.</summary>
    Points,

    /// <summary>Standard deviations (standardised effects).</summary>
    StandardDeviations,

    /// <summary>Euros.</summary>
    Euro,

    /// <summary>Months.</summary>
    Months,

    /// <summary>Percent (0–100), as I² is reported.</summary>
    Percent,
}
