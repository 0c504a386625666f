using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>Observed and expected events of one group in a log-rank test.</summary>
/// <param name="Group">Group label.</param>
/// <param name="Count">Individuals in the group.</param>
/// <param name="Observed">Observed events.</param>
/// <param name="Expected">Expected events under equal hazards, Σ dⱼ·n_gj/nⱼ over event times.</param>
public sealed record LogRankGroup(string Group, int Count, double Observed, double Expected)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Group}: n = {Count}, observed {Observed:G6}, expected {Expected:G4}");
}
