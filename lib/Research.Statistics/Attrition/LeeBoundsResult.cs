using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Attrition;

/// <summary>Lee (2009) bounds on the effect for those who would respond under either assignment.</summary>
/// <param name="Trimmed">The group whose respondents were trimmed.</param>
/// <param name="TrimmingProportion">p = (q_high − q_low)/q_high, the share of the trimmed group's respondents removed.</param>
/// <param name="TreatedResponseRate">q₁, the share of the treated with an observed outcome.</param>
/// <param name="ControlResponseRate">q₀, the share of the controls with an observed outcome.</param>
/// <param name="Lower">Lower bound of the effect.</param>
/// <param name="Upper">Upper bound of the effect.</param>
/// <param name="LowerStandardError">Lee's analytic standard error of the lower bound (Proposition 3).</param>
/// <param name="UpperStandardError">Lee's analytic standard error of the upper bound.</param>
/// <param name="ConfidenceLevel">Level of the intervals.</param>
/// <param name="ImbensManskiInterval">
/// Imbens &amp; Manski (2004) interval, which covers the true effect (any point of the identified set) with the stated
/// probability: [Lower − C·SE_L, Upper + C·SE_U], Φ(C + (Upper − Lower)/max(SE_L, SE_U)) − Φ(−C) = level.
/// </param>
/// <param name="ImbensManskiCritical">C above, between the one-sided and the two-sided normal quantile.</param>
/// <param name="BoundsInterval">[Lower − z·SE_L, Upper + z·SE_U] with the two-sided z: covers the whole identified set (Horowitz–Manski style).</param>
/// <param name="TreatedCount">Treated individuals (respondents or not).</param>
/// <param name="ControlCount">Control individuals.</param>
/// <param name="TreatedRespondents">Treated with an observed outcome.</param>
/// <param name="ControlRespondents">Controls with an observed outcome.</param>
public sealed record LeeBoundsResult(
    TrimmedGroup Trimmed,
    double TrimmingProportion,
    double TreatedResponseRate,
    double ControlResponseRate,
    double Lower,
    double Upper,
    double LowerStandardError,
    double UpperStandardError,
    double ConfidenceLevel,
    Interval ImbensManskiInterval,
    double ImbensManskiCritical,
    Interval BoundsInterval,
    int TreatedCount,
    int ControlCount,
    int TreatedRespondents,
    int ControlRespondents)
{
    /// <summary>Whether the Imbens–Manski interval contains <paramref name="value"/> (e.g. 0).</summary>
    public bool Contains(double value) => ImbensManskiInterval.Contains(value);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Lee bounds (trimming {TrimmingProportion:P1} of the {Trimmed.ToString().ToLowerInvariant()} respondents; response {TreatedResponseRate:P1} treated, {ControlResponseRate:P1} control): [{Lower:G4}, {Upper:G4}] (SE {LowerStandardError:G3}, {UpperStandardError:G3}); {ConfidenceLevel * 100:0.##}% Imbens-Manski CI {ImbensManskiInterval}");
}
