namespace Research.Scales.Instruments;

/// <summary>Where a declared rule comes from: its status, the ids of the cited sources and an optional note.</summary>
/// <param name="Status">How well the rule is backed.</param>
/// <param name="Sources">Ids of entries in <see cref="Instrument.Sources"/>.</param>
/// <param name="Note">Free-text explanation, e.g. what the default is when no rule was found.</param>
public sealed record Basis(BasisStatus Status, IReadOnlyList<string> Sources, string? Note)
{
    /// <summary>Used where a file declares no basis (only allowed for optional fields such as per-item notes).</summary>
    public static Basis None { get; } = new(BasisStatus.NotFound, [], null);
}
