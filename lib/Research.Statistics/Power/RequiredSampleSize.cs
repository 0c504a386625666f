using System.Globalization;

namespace Research.Statistics.Power;

/// <summary>Individuals needed per arm to detect a given effect.</summary>
/// <param name="TreatmentSize">Treatment-arm size, rounded up.</param>
/// <param name="ControlSize">Control-arm size, rounded up.</param>
/// <param name="ExactControlSize">The unrounded control-arm size solving the power equation.</param>
/// <param name="DesignEffect">Design effect at the unrounded sizes.</param>
public sealed record RequiredSampleSize(int TreatmentSize, int ControlSize, double ExactControlSize, double DesignEffect)
{
    /// <summary>Both arms together.</summary>
    public int Total => TreatmentSize + ControlSize;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TreatmentSize} treated + {ControlSize} controls = {Total} (design effect {DesignEffect:G4})");
}
