namespace Research.Reporting.Charts;

/// <summary>A line chart: lines with bands, shaded spans, and axes whose titles carry their units.</summary>
/// <param name="Title">Title (short: charts are narrow on paper).</param>
/// <param name="XTitle">Horizontal axis title with its unit, e.g. "Months since randomisation".</param>
/// <param name="YTitle">Vertical axis title with its unit, e.g. "Share in the outcome (%)".</param>
/// <param name="Scale">How the vertical axis reads its numbers.</param>
/// <param name="Series">The lines.</param>
/// <param name="Spans">Shaded spans.</param>
/// <param name="ZeroLine">Draw a horizontal line at zero (effects).</param>
/// <param name="Note">A line of text under the chart (what bands and spans mean).</param>
public sealed record LineChart(string Title, string XTitle, string YTitle, AxisScale Scale, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartSpan> Spans,
    bool ZeroLine = false, string? Note = null);
