using System.Globalization;

namespace Research.Statistics.Equivalence;

/// <summary>
/// The equivalence region (Lower, Upper) around zero: effects inside it are too small to matter for policy (the
/// smallest effect of interest). Usually symmetric: <c>EquivalenceMargin.Symmetric(0.03)</c> for ±3 percentage points.
/// </summary>
/// <param name="Lower">Lower margin, negative.</param>
/// <param name="Upper">Upper margin, positive.</param>
public readonly record struct EquivalenceMargin(double Lower, double Upper)
{
    /// <summary>The margin (−<paramref name="delta"/>, +<paramref name="delta"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not positive and finite.</exception>
    public static EquivalenceMargin Symmetric(double delta)
    {
        var margin = new EquivalenceMargin(-delta, delta);
        margin.Validate();
        return margin;
    }

    internal void Validate()
    {
        if (!(Lower < 0 && Upper > 0 && double.IsFinite(Lower) && double.IsFinite(Upper)))
        {
            throw new ArgumentOutOfRangeException(nameof(Lower), string.Create(CultureInfo.InvariantCulture,
                $"The equivalence margin must satisfy lower < 0 < upper with finite limits; got ({Lower:R}, {Upper:R})."));
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Lower:G4}, {Upper:G4})");
}
