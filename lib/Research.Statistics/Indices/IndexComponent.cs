namespace Research.Statistics.Indices;

/// <summary>One outcome that enters a summary index.</summary>
/// <param name="Name">Name, e.g. the instrument score.</param>
/// <param name="Values">Value per respondent; NaN = missing.</param>
/// <param name="HigherIsBetter">False for outcomes where higher means worse (distress, loneliness): their sign is flipped.</param>
public sealed record IndexComponent(string Name, IReadOnlyList<double> Values, bool HigherIsBetter = true);
