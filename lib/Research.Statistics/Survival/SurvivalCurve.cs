using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>A Kaplan–Meier survival curve: one step per distinct observed time, as R's <c>survfit</c> lists them.</summary>
/// <param name="Steps">Steps in increasing time order, including times with only censorings.</param>
/// <param name="ConfidenceLevel">Level of the pointwise intervals.</param>
/// <param name="Transform">Scale of the pointwise intervals.</param>
public sealed record SurvivalCurve(IReadOnlyList<SurvivalStep> Steps, double ConfidenceLevel, SurvivalConfidenceTransform Transform)
{
    /// <summary>Number of individuals.</summary>
    public int Count => Steps[0].AtRisk;

    /// <summary>Number of events.</summary>
    public int EventCount => Steps.Sum(s => s.Events);

    /// <summary>Ŝ(t), right-continuous: 1 before the first step.</summary>
    public double SurvivalAt(double time)
    {
        var survival = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > time)
            {
                break;
            }

            survival = step.Survival;
        }

        return survival;
    }

    /// <summary>The median time to the event with its confidence interval.</summary>
    public SurvivalQuantile Median => Quantile(0.5);

    /// <summary>
    /// The time t at which 1 − Ŝ(t) first reaches <paramref name="probability"/>, with limits from the same search on
    /// the confidence bands, as R's <c>quantile.survfit</c>: where Ŝ equals 1 − p (within √ε) over an interval the
    /// midpoint of that interval is returned, and band values that are undefined are skipped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in [0, 1].</exception>
    public SurvivalQuantile Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be between 0 and 1, e.g. 0.5 for the median.");
        }

        return new SurvivalQuantile(
            probability,
            StepQuantile.Find(Steps, s => 1 - s.Survival, probability),
            StepQuantile.Find(Steps, s => 1 - s.Lower, probability),
            StepQuantile.Find(Steps, s => 1 - s.Upper, probability));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Kaplan-Meier curve: n = {Count}, events = {EventCount}, S = {Steps[^1].Survival:G4} at t = {Steps[^1].Time:G6}, {ConfidenceLevel * 100:0.##}% CI ({Transform})");
}
