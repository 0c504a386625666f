namespace Research.Scales.Instruments;

/// <summary>
/// A named set of interpretation bands of one score: either intervals of the score value (<see cref="Bands"/>) or
/// rules on raw item answers evaluated in order, first match wins (<see cref="Rules"/>, <see cref="Otherwise"/>).
/// </summary>
/// <param name="Id">Identifier, unique within the score.</param>
/// <param name="Name">Descriptive name.</param>
/// <param name="Basis">The cited source of the cut-offs.</param>
/// <param name="Bands">Non-overlapping score intervals (empty for a rule scheme).</param>
/// <param name="Rules">Item rules (empty for an interval scheme).</param>
/// <param name="Otherwise">Label when no rule matches.</param>
public sealed record BandScheme(
    string Id,
    string? Name,
    Basis Basis,
    IReadOnlyList<Band> Bands,
    IReadOnlyList<BandRule> Rules,
    string? Otherwise)
{
    /// <summary>Whether the scheme classifies raw item answers rather than the score value.</summary>
    public bool IsRuleBased => Rules.Count > 0;
}
