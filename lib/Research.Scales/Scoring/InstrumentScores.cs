using Research.Scales.Instruments;

namespace Research.Scales.Scoring;

/// <summary>All declared scores of one instrument for every row, plus the out-of-range answers found.</summary>
public sealed class InstrumentScores
{
    internal InstrumentScores(Instrument instrument, IReadOnlyList<ScoreColumn> scores, IReadOnlyList<OutOfRangeAnswer> outOfRange)
    {
        Instrument = instrument;
        Scores = scores;
        OutOfRange = outOfRange;
    }

    /// <summary>The instrument scored.</summary>
    public Instrument Instrument { get; }

    /// <summary>One column per declared score, in declaration order.</summary>
    public IReadOnlyList<ScoreColumn> Scores { get; }

    /// <summary>Every answer outside its item's range, per row and item (each reported once).</summary>
    public IReadOnlyList<OutOfRangeAnswer> OutOfRange { get; }

    /// <summary>The score column with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No such score.</exception>
    public ScoreColumn this[string scoreId] =>
        Scores.FirstOrDefault(s => s.Id == scoreId)
        ?? throw new KeyNotFoundException(
            $"Instrument {Instrument.Id} has no score '{scoreId}'. Declared: {string.Join(", ", Scores.Select(s => s.Id))}.");
}
