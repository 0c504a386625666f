namespace Research.Reporting.Charts;

/// <summary>What a shaded span of a chart's horizontal axis marks.</summary>
public enum SpanKind
{
    /// <summary>The intervention period.</summary>
    Intervention,

    /// <summary>Months that fall in the COVID-19 pandemic for some or all participants.</summary>
    Covid,

    /// <summary>Points withheld by disclosure control.</summary>
    Withheld,

    /// <summary>Months before randomisation (the pre-trend check).</summary>
    PreRandomisation,
}

/// <summary>A shaded span of the horizontal axis with a label.</summary>
/// <param name="From">Start.</param>
/// <param name="To">End.</param>
/// <param name="Label">What it marks.</param>
/// <param name="Kind">Its kind (decides the colour).</param>
public sealed record ChartSpan(double From, double To, string Label, SpanKind Kind);
