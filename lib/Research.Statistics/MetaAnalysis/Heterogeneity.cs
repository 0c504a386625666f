using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Heterogeneity of a meta-analysis, defined as in metafor: Q is Cochran's statistic with fixed-effect weights,
/// and for random-effects models I² = 100·τ²/(ṽ + τ²) and H² = 1 + τ²/ṽ with the typical within-study variance
/// ṽ = (k − 1)/(Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/vᵢ. For the fixed-effect model I² = max(0, 100·(Q − df)/Q) and H² = Q/df.
/// </summary>
/// <param name="Q">Cochran's Q.</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="QPValue">Upper-tail χ²(k − 1) probability of Q (1 when k = 1).</param>
/// <param name="Tau2">Between-study variance τ² (0 for the fixed-effect model).</param>
/// <param name="I2">I² in percent.</param>
/// <param name="H2">H².</param>
/// <param name="TypicalWithinStudyVariance">ṽ above (0 when k = 1).</param>
public sealed record Heterogeneity(double Q, int DegreesOfFreedom, double QPValue, double Tau2, double I2, double H2, double TypicalWithinStudyVariance)
{
    /// <summary>τ, the between-study standard deviation.</summary>
    public double Tau => Math.Sqrt(Tau2);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Q = {Q:G4} (df = {DegreesOfFreedom}, p = {QPValue:G4}), tau^2 = {Tau2:G4}, I^2 = {I2:0.#}%, H^2 = {H2:G4}");
}
