using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>A closed interval [Lower, Upper], e.g. a confidence or prediction interval.</summary>
/// <param name="Lower">Lower limit.</param>
/// <param name="Upper">Upper limit.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies inside the interval (limits included).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>"[lower, upper]" with invariant culture and 4 significant decimals.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:G4}, {Upper:G4}]");
}
