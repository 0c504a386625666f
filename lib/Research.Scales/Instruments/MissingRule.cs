namespace Research.Scales.Instruments;

/// <summary>The missing-item rule of one score.</summary>
/// <param name="MinimumAnswered">With fewer valid answers the score is missing.</param>
/// <param name="Handling">How the missing items are treated otherwise.</param>
/// <param name="Basis">Source of the rule, or <see cref="BasisStatus.NotFound"/> with the explicit default.</param>
/// <param name="MinimumShareAnswered">
/// The rule as declared when the instrument states it as a share of the items (<c>minimumShareAnswered</c>, e.g. 0.7);
/// <paramref name="MinimumAnswered"/> is then that share of the score's items, rounded up. Null when declared as a count.
/// </param>
public sealed record MissingRule(int MinimumAnswered, MissingHandling Handling, Basis Basis, double? MinimumShareAnswered = null);
