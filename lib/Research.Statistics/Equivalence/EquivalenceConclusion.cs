namespace Research.Statistics.Equivalence;

/// <summary>
/// What an estimate shows against zero and against the equivalence margin, from three tests at the same level α:
/// the two-sided test of no effect, the two one-sided tests (TOST) of equivalence, and the one-sided minimum-effect
/// test that the effect lies beyond a margin (Lakens, Scheel &amp; Isager 2018; Schuirmann 1987).
/// </summary>
public enum EquivalenceConclusion
{
    /// <summary>TOST rejects (the 1 − 2α interval lies inside the margin) and the effect does not differ from zero.</summary>
    Equivalent,

    /// <summary>TOST rejects and the 1 − α interval excludes zero: an effect that exists but is smaller than the margin.</summary>
    EquivalentButDifferent,

    /// <summary>The 1 − α interval excludes zero, but the effect is shown neither smaller nor larger than the margin.</summary>
    Different,

    /// <summary>
    /// The 1 − α interval excludes zero and the 1 − 2α interval lies entirely beyond one margin: an effect at least as
    /// large as the smallest effect of interest.
    /// </summary>
    ExceedsMargin,

    /// <summary>Neither a difference from zero nor equivalence is shown: the data cannot tell.</summary>
    Inconclusive,
}
