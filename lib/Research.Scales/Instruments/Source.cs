namespace Research.Scales.Instruments;

/// <summary>One cited source of an instrument declaration.</summary>
/// <param name="Id">Identifier used by <see cref="Basis.Sources"/>.</param>
/// <param name="Citation">Human-readable citation.</param>
/// <param name="Url">Where the source was read, if online.</param>
public sealed record Source(string Id, string Citation, string? Url);
