namespace Research.Reporting.Charts;

/// <summary>One line of a chart, with an optional 95% band. A null y is a gap (a withheld or unobserved point).</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Values; null where the point is not shown.</param>
/// <param name="Lower">Lower limits of the band, or null for no band.</param>
/// <param name="Upper">Upper limits of the band, or null for no band.</param>
/// <param name="Colour">Line colour (CSS).</param>
/// <param name="Step">Draw as a step function.</param>
/// <param name="BaseCounts">For lines of shares: the persons each share is taken over (published in the report's tables too), so a reader (and the disclosure scan) can see what a point rests on.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double?> Y, IReadOnlyList<double?>? Lower, IReadOnlyList<double?>? Upper, string Colour,
    bool Step = false, IReadOnlyList<double?>? BaseCounts = null);
