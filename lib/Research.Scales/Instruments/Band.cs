namespace Research.Scales.Instruments;

/// <summary>One interpretation band: a labelled interval of score values.</summary>
/// <param name="Label">The band's label.</param>
/// <param name="Minimum">Lower bound.</param>
/// <param name="Maximum">Upper bound.</param>
/// <param name="MinimumInclusive">Whether <paramref name="Minimum"/> belongs to the band.</param>
/// <param name="MaximumInclusive">Whether <paramref name="Maximum"/> belongs to the band.</param>
public sealed record Band(string Label, double Minimum, double Maximum, bool MinimumInclusive, bool MaximumInclusive)
{
    /// <summary>Whether <paramref name="score"/> lies in this band.</summary>
    public bool Contains(double score) =>
        (MinimumInclusive ? score >= Minimum : score > Minimum) &&
        (MaximumInclusive ? score <= Maximum : score < Maximum);

    /// <summary>Whether the two bands share at least one value.</summary>
    public bool Overlaps(Band other)
    {
        var (low, high) = Minimum <= other.Minimum ? (this, other) : (other, this);
        if (high.Minimum < low.Maximum)
        {
            return true;
        }

        return high.Minimum == low.Maximum && high.MinimumInclusive && low.MaximumInclusive;
    }
}
