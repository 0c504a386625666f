namespace Research.Scales.Instruments;

/// <summary>A bound on one raw item answer, used by <see cref="BandRule"/>.</summary>
/// <param name="Column">The item column.</param>
/// <param name="Minimum">Inclusive lower bound, if any.</param>
/// <param name="Maximum">Inclusive upper bound, if any.</param>
public sealed record ItemCondition(string Column, double? Minimum, double? Maximum)
{
    /// <summary>Whether the raw answer satisfies the bounds.</summary>
    public bool IsMetBy(int answer) =>
        (Minimum is not { } min || answer >= min) && (Maximum is not { } max || answer <= max);
}
