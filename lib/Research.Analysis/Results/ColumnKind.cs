namespace Research.Analysis.Results;

/// <summary>
/// What the numbers of a result column are. The kind decides how disclosure control treats a column (only
/// <see cref="Count"/>, <see cref="Share"/> and <see cref="Amount"/> rest directly on persons) and how a report shows it.
/// </summary>
public enum ColumnKind
{
    /// <summary>Descriptive text (arm, outcome, horizon, instrument).</summary>
    Label,

    /// <summary>A number of persons. Disclosure control applies the minimum count to it.</summary>
    Count,

    /// <summary>
    /// The share (0–1) of the persons counted by the column's base who have a status. It reveals two counts of persons,
    /// those with the status and those without, and disclosure control treats it so.
    /// </summary>
    Share,

    /// <summary>The mean of an amount (euros, a score) over the persons counted by the column's base; minimum count and dominance apply.</summary>
    Amount,

    /// <summary>A model or summary estimate: an effect, a pooled effect, a regression coefficient, a median.</summary>
    Estimate,

    /// <summary>A precision in the unit of an estimate: a standard error, a standard deviation, a minimum detectable effect.</summary>
    Spread,

    /// <summary>A limit of a confidence or prediction interval.</summary>
    Limit,

    /// <summary>A p-value.</summary>
    PValue,

    /// <summary>Degrees of freedom of a reference distribution.</summary>
    DegreesOfFreedom,

    /// <summary>A test statistic (F, χ², Q).</summary>
    Statistic,

    /// <summary>A dimensionless index describing data or a model: α, ω, ICC, design effect, I², τ², standardised difference.</summary>
    Index,

    /// <summary>A number of things that are not persons: sites, items, caseworkers, survey waves.</summary>
    Tally,

    /// <summary>A rating on an ordinal scale (the Maryland SMS level).</summary>
    Rating,

    /// <summary>Yes (1) or no (0).</summary>
    Indicator,
}
