namespace Research.Analysis.Inference;

/// <summary>One component of the wellbeing summary index: an instrument's score and its direction.</summary>
/// <param name="Instrument">The instrument id (<c>data-schema/instruments</c>).</param>
/// <param name="Score">The score id within the instrument.</param>
/// <param name="HigherIsBetter">False for scores where more means worse (loneliness, distress); the index flips them.</param>
public sealed record WellbeingComponent(string Instrument, string Score, bool HigherIsBetter = true);
