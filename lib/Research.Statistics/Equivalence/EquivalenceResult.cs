using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Statistics.Equivalence;

/// <summary>Result of <see cref="EquivalenceTest.Test"/>.</summary>
/// <param name="Estimate">The estimate θ̂.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference; +∞ means the standard normal.</param>
/// <param name="Margin">The equivalence margin.</param>
/// <param name="Alpha">Level α of every test.</param>
/// <param name="LowerStatistic">(θ̂ − lower)/SE, the statistic of H₀: θ ≤ lower.</param>
/// <param name="LowerPValue">P(T ≥ LowerStatistic).</param>
/// <param name="UpperStatistic">(θ̂ − upper)/SE, the statistic of H₀: θ ≥ upper.</param>
/// <param name="UpperPValue">P(T ≤ UpperStatistic).</param>
/// <param name="EquivalencePValue">The TOST p-value, the larger of the two one-sided p-values.</param>
/// <param name="EquivalenceInterval">The 1 − 2α interval: TOST rejects exactly when it lies inside the margin.</param>
/// <param name="ConfidenceInterval">The usual two-sided 1 − α interval.</param>
/// <param name="DifferencePValue">Two-sided p-value of H₀: θ = 0.</param>
/// <param name="MinimumEffectPValue">
/// One-sided p-value that the effect lies beyond the margin on the side of the estimate (H₀: θ ≤ upper when θ̂ ≥ 0,
/// H₀: θ ≥ lower otherwise).
/// </param>
/// <param name="Conclusion">What the three tests together show.</param>
public sealed record EquivalenceResult(
    double Estimate,
    double StandardError,
    double DegreesOfFreedom,
    EquivalenceMargin Margin,
    double Alpha,
    double LowerStatistic,
    double LowerPValue,
    double UpperStatistic,
    double UpperPValue,
    double EquivalencePValue,
    Interval EquivalenceInterval,
    Interval ConfidenceInterval,
    double DifferencePValue,
    double MinimumEffectPValue,
    EquivalenceConclusion Conclusion)
{
    /// <summary>True when TOST rejects non-equivalence at level α.</summary>
    public bool IsEquivalent => Conclusion is EquivalenceConclusion.Equivalent or EquivalenceConclusion.EquivalentButDifferent;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TOST against {Margin}: estimate {Estimate:G4} (SE {StandardError:G4}), {100 * (1 - 2 * Alpha):0.##}% CI {EquivalenceInterval}, p = {EquivalencePValue:G4}; {100 * (1 - Alpha):0.##}% CI {ConfidenceInterval}, p(θ = 0) = {DifferencePValue:G4}: {Conclusion}");
}
