using Research.Analysis.Inference;

namespace Research.Simulation;

/// <summary>Bias, size and coverage of one wellbeing estimator.</summary>
/// <param name="Bias">Mean estimate minus truth (planted effects).</param>
/// <param name="BiasStandardError">Its Monte Carlo standard error.</param>
/// <param name="Size">Share of 5% tests rejecting with no effects (NaN when not run there).</param>
/// <param name="Coverage">Share of 95% intervals containing the truth (planted effects).</param>
/// <param name="Failures">Draws where the estimate could not be made.</param>
public sealed record EstimatorPerformance(double Bias, double BiasStandardError, double Size, double Coverage, int Failures)
{
    /// <summary>From the draws, reading one estimator's result and each draw's truth.</summary>
    public static EstimatorPerformance Of(IReadOnlyList<WellbeingDraw> draws, Func<WellbeingDraw, IntervalEstimate?> estimate, Func<WellbeingDraw, double> truth)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(truth);
        var noEffects = draws.Where(d => d.World == World.NoEffects && estimate(d) is not null).ToList();
        var planted = draws.Where(d => d.World == World.PlantedEffects).ToList();
        var errors = planted.Where(d => estimate(d) is not null).Select(d => estimate(d)!.Estimate - truth(d)).ToList();
        var bias = errors.Count > 0 ? errors.Average() : double.NaN;
        var se = errors.Count > 1 ? Math.Sqrt(errors.Sum(e => (e - bias) * (e - bias)) / (errors.Count - 1) / errors.Count) : double.NaN;
        return new EstimatorPerformance(
            bias,
            se,
            noEffects.Count > 0 ? noEffects.Count(d => estimate(d)!.PValue <= 0.05) / (double)noEffects.Count : double.NaN,
            planted.Count(d => estimate(d) is { } e && e.ConfidenceInterval.Contains(truth(d))) / (double)planted.Count,
            draws.Count(d => estimate(d) is null && (d.World == World.NoEffects || d.CompleteCase is null)));
    }
}
