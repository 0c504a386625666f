namespace Research.Reporting.Charts;

/// <summary>How a chart's vertical axis reads its numbers.</summary>
public enum AxisScale
{
    /// <summary>Shares on 0–1, shown as percentages.</summary>
    Share,

    /// <summary>Differences in shares on 0–1, shown as percentage points.</summary>
    PercentagePoints,

    /// <summary>Numbers as they are (scores, euros, months).</summary>
    Plain,
}
