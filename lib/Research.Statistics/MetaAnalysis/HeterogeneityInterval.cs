using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Q-profile confidence interval for τ² (Viechtbauer 2007; metafor <c>confint(rma)</c>) and the intervals for τ, I² and H²
/// that follow from it through the same ṽ as in <see cref="Heterogeneity"/>.
/// The lower limit solves Q(τ²) = χ²(1 − α/2; k − 1) and the upper Q(τ²) = χ²(α/2; k − 1), where Q(τ²) is the
/// generalised Q with weights 1/(vᵢ + τ²); a limit whose equation has no non-negative root is 0 (both are 0 when
/// Q(0) is below the lower quantile, i.e. the data are more homogeneous than expected).
/// </summary>
/// <param name="Level">Confidence level.</param>
/// <param name="Tau2">Interval for τ².</param>
/// <param name="I2">Interval for I² in percent.</param>
/// <param name="H2">Interval for H².</param>
public sealed record HeterogeneityInterval(double Level, Interval Tau2, Interval I2, Interval H2)
{
    /// <summary>Interval for τ (square roots of the τ² limits).</summary>
    public Interval Tau => new(Math.Sqrt(Tau2.Lower), Math.Sqrt(Tau2.Upper));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Level * 100:0.##}% Q-profile CI: tau^2 {Tau2}, I^2 {I2} %, H^2 {H2}");
}
