namespace Research.Analysis.Outcomes;

/// <summary>What a measure does with a person whose register does not cover the months it needs.</summary>
public enum Coverage
{
    /// <summary>Throw an <see cref="OutcomeDataException"/> naming the persons (the default: nothing is dropped silently).</summary>
    Require,

    /// <summary>Leave the persons out; the result says how many and who (<see cref="PersonMeasure.Excluded"/>).</summary>
    ExcludeUncovered,
}
