namespace Research.Scales.Instruments;

/// <summary>What happens to missing items when a respondent has at least <see cref="MissingRule.MinimumAnswered"/> answers.</summary>
public enum MissingHandling
{
    /// <summary>Aggregate the answered items only: a sum is not prorated, a mean is the mean of the answered items.</summary>
    None,

    /// <summary>A sum becomes the mean of the answered items times the number of items (a mean is unaffected).</summary>
    Prorate,

    /// <summary>
    /// Each missing item is replaced by the mean scored value of that item over the respondents of the scored sample
    /// who answered it (the CBS K10 rule). The score then depends on the whole sample, not on one respondent.
    /// </summary>
    SampleItemMean,
}
