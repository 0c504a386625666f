namespace Research.Scales.Scoring;

/// <summary>The score of one row.</summary>
/// <param name="Value">The score, or null when it is missing.</param>
/// <param name="Band">Label in the score's first band scheme, or null (no scheme, missing score, or no band covers the value).</param>
/// <param name="Answered">Number of valid in-range answers to the score's items.</param>
/// <param name="MissingReason">Why <paramref name="Value"/> is null; null when it is present.</param>
public readonly record struct ScoreResult(double? Value, string? Band, int Answered, string? MissingReason);
