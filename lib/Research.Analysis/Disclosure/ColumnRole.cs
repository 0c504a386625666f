namespace Research.Analysis.Disclosure;

/// <summary>How disclosure control treats a column beyond what its kind says.</summary>
public enum ColumnRole
{
    /// <summary>As the kind says.</summary>
    Plain,

    /// <summary>
    /// A count that is the sample size of a model or a mean: published rounded to <see cref="DisclosureControl.RoundingBase"/>
    /// (never below the minimum), so that it cannot be subtracted from an exact count to reveal a small group.
    /// </summary>
    SampleSize,

    /// <summary>A model result (estimate, standard error, interval, p-value, test statistic): withheld when the model's support is too small.</summary>
    Model,
}
