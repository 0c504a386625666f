namespace Research.Reporting.Charts;

/// <summary>One line of a chart, with an optional 95% band. A null y is a gap (a withheld or unobserved point).</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Values; null where the point is not shown.</param>
/// <param name="Lower">Lower limits of the band, or null for no band.</param>
/// <param name="Upper">Upper limits of the band, or null for no band.</param>
/// <param name="Colour">Line colour (CSS).</param>
/// <param name="Cumulative">The line is a cumulative share (a Kaplan–Meier curve): each rise between two points is a number of persons, which the data's <c>meta.kind</c> says.</param>
/// <param name="BaseCounts">For lines of shares: the persons each share is taken over (published in the report's tables too), so a reader (and the disclosure scan) can see what a point rests on.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double?> Y, IReadOnlyList<double?>? Lower, IReadOnlyList<double?>? Upper, string Colour,
    bool Cumulative = false, IReadOnlyList<double?>? BaseCounts = null);
