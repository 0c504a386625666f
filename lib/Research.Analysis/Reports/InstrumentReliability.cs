using Research.Scales.Instruments;
using Research.Scales.Reliability;

namespace Research.Analysis.Reports;

/// <summary>The reliability of an instrument's first score in this sample at the first survey wave.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Score">The score.</param>
/// <param name="Result">Cronbach's α and McDonald's ω.</param>
public sealed record InstrumentReliability(Instrument Instrument, ScoreDefinition Score, ReliabilityResult Result);
