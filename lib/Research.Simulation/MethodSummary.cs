using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data.Design;

namespace Research.Simulation;

/// <summary>One method's performance for one site and outcome, pooled over the site's treatment arms.</summary>
/// <param name="Experiment">The site.</param>
/// <param name="Outcome">The outcome at the primary horizon.</param>
/// <param name="Method">The inference method.</param>
/// <param name="Rule">Which interval of the method's result is read.</param>
/// <param name="Bias">Mean estimate minus truth with planted effects.</param>
/// <param name="BiasStandardError">Its Monte Carlo standard error.</param>
/// <param name="Size">Share of 5% tests rejecting with no effects (a failed estimate rejects nothing).</param>
/// <param name="SizeDraws">Tests behind <see cref="Size"/>.</param>
/// <param name="Coverage">Share of 95% intervals containing the planted ITT (a failed estimate covers nothing).</param>
/// <param name="CoverageDraws">Intervals behind <see cref="Coverage"/>.</param>
/// <param name="Width">Mean interval width with planted effects (finite intervals).</param>
/// <param name="Unbounded">Intervals with an infinite limit.</param>
/// <param name="Failures">Draws where the estimator could not be applied, both worlds.</param>
public sealed record MethodSummary(
    Experiment Experiment, Outcome Outcome, InferenceMethod Method, IntervalRule Rule, double Bias, double BiasStandardError, double Size, int SizeDraws, double Coverage, int CoverageDraws, double Width, int Unbounded, int Failures)
{
    /// <summary>The acceptance band: size within 3.5–6.5% and coverage at least 93.5%.</summary>
    public bool WithinTolerance => Size is >= 0.035 and <= 0.065 && Coverage >= 0.935;

    /// <summary>Summarises the draws of one site, outcome and method.</summary>
    public static MethodSummary Of(IReadOnlyList<EffectDraw> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var first = draws[0];
        var noEffects = draws.Where(d => d.World == World.NoEffects).ToList();
        var planted = draws.Where(d => d.World == World.PlantedEffects).ToList();
        var estimated = planted.Where(d => !d.Failed).ToList();
        var errors = estimated.Select(d => d.Estimate - d.Truth).ToList();
        var bias = errors.Count > 0 ? errors.Average() : double.NaN;
        var se = errors.Count > 1 ? Math.Sqrt(errors.Sum(e => (e - bias) * (e - bias)) / (errors.Count - 1) / errors.Count) : double.NaN;
        var finite = estimated.Where(d => double.IsFinite(d.Width)).ToList();
        return new MethodSummary(
            first.Experiment, first.Outcome, first.Method, first.Rule, bias, se,
            noEffects.Count(d => d.Rejects) / (double)noEffects.Count, noEffects.Count,
            planted.Count(d => d.Covers) / (double)planted.Count, planted.Count,
            finite.Count > 0 ? finite.Average(d => d.Width) : double.NaN, estimated.Count - finite.Count, draws.Count(d => d.Failed));
    }
}
