namespace Research.Scales.Instruments;

/// <summary>The missing-item rule of one score.</summary>
/// <param name="MinimumAnswered">With fewer valid answers the score is missing.</param>
/// <param name="Handling">How the missing items are treated otherwise.</param>
/// <param name="Basis">Source of the rule, or <see cref="BasisStatus.NotFound"/> with the explicit default.</param>
public sealed record MissingRule(int MinimumAnswered, MissingHandling Handling, Basis Basis);
