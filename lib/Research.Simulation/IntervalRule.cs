namespace Research.Simulation;

/// <summary>Which of an estimate's intervals a study row reads.</summary>
public enum IntervalRule
{
    /// <summary>The method's own interval and p-value.</summary>
    Method,

    /// <summary>
    /// The clustered interval unless it is narrower than the HC2 interval, in which case the HC2 interval and p-value:
    /// what a report would print if it never let clustering narrow an interval.
    /// </summary>
    AtLeastRobust,
}
