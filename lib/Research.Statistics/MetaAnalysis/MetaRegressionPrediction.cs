using System.Globalization;

namespace Research.Statistics.MetaAnalysis;

/// <summary>The fitted effect for one combination of moderator values (metafor <c>predict(rma.mv, newmods = )</c>).</summary>
/// <param name="Estimate">x₀'β̂.</param>
/// <param name="StandardError">√(x₀'Var(β̂)x₀).</param>
/// <param name="ConfidenceInterval">Interval for the mean effect at x₀.</param>
/// <param name="PredictionInterval">
/// Interval for the effect of a new arm at x₀: estimate ± c·√(SE² + τ²). When τ² = 0 it equals the confidence
/// interval; <see cref="EqualsConfidenceInterval"/> says so, so a report can state it rather than imply heterogeneity was measured.
/// </param>
/// <param name="EqualsConfidenceInterval">True when τ̂² = 0 (or the model is fixed-effect), so both intervals coincide.</param>
public sealed record MetaRegressionPrediction(double Estimate, double StandardError, Interval ConfidenceInterval, Interval PredictionInterval, bool EqualsConfidenceInterval)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Estimate:G4} (SE {StandardError:G4}), CI {ConfidenceInterval}, prediction interval {PredictionInterval}{(EqualsConfidenceInterval ? " (= CI: tau^2 = 0)" : string.Empty)}");
}
