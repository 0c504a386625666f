namespace Research.Analysis.Outcomes;

/// <summary>
/// Months until the first month in a status, per panel person (participants row order), right-censored at the end of
/// the observed register or the chosen maximum month: the input of a Kaplan–Meier estimate.
/// </summary>
public sealed class TimeToEvent
{
    private readonly int[] _months;
    private readonly bool[] _events;

    internal TimeToEvent(string description, int[] months, bool[] events)
    {
        Description = description;
        _months = months;
        _events = events;
    }

    /// <summary>What was measured.</summary>
    public string Description { get; }

    /// <summary>
    /// Per person, the relative month of the first month in the status when <see cref="Events"/> is true, else the last
    /// month the person was observed at risk (the censoring time).
    /// </summary>
    public ReadOnlySpan<int> Months => _months;

    /// <summary>Per person, whether the status was reached (false: censored).</summary>
    public ReadOnlySpan<bool> Events => _events;

    /// <summary>The number of persons.</summary>
    public int Count => _months.Length;
}
