using Research.Data.Design;

namespace Research.Simulation;

/// <summary>The wellbeing index under attrition for one site, pooled over its arms.</summary>
/// <param name="Experiment">The site.</param>
/// <param name="ResponseRate">Mean share responding in the wave.</param>
/// <param name="FullResponse">Everyone responding (coverage of its own mean; size not run).</param>
/// <param name="CompleteCase">Respondents only.</param>
/// <param name="Weighted">Inverse-probability response weights.</param>
/// <param name="BoundsContainTruth">Share of draws (planted effects) whose estimated Lee bounds [lower, upper] contain the truth.</param>
/// <param name="BoundsIntervalCovers">Share whose Imbens–Manski 95% interval contains the truth.</param>
/// <param name="BoundsWidth">Mean upper − lower bound.</param>
public sealed record WellbeingSummary(Experiment Experiment, double ResponseRate, EstimatorPerformance FullResponse, EstimatorPerformance CompleteCase, EstimatorPerformance Weighted, double BoundsContainTruth, double BoundsIntervalCovers, double BoundsWidth)
{
    /// <summary>
    /// The true index effect of each arm: zero without planted effects; with them, the mean over replications of the
    /// full-response estimate (the index is defined by the data, so its effect is what the estimator finds without attrition).
    /// </summary>
    public static IReadOnlyDictionary<ExperimentArm, double> Truth(IReadOnlyList<WellbeingDraw> draws) => draws
        .Where(d => d.World == World.PlantedEffects && d.FullResponse is not null)
        .GroupBy(d => d.Arm)
        .ToDictionary(g => g.Key, g => g.Average(d => d.FullResponse!.Estimate));

    /// <summary>Summarises one site's draws.</summary>
    public static WellbeingSummary Of(IReadOnlyList<WellbeingDraw> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var truths = Truth(draws);
        double TruthOf(WellbeingDraw d) => d.World == World.NoEffects ? 0 : truths.GetValueOrDefault(d.Arm, double.NaN);
        var planted = draws.Where(d => d.World == World.PlantedEffects).ToList();
        var bounded = planted.Where(d => d.Bounds is not null).ToList();
        return new WellbeingSummary(
            draws[0].Experiment,
            draws.Average(d => d.ResponseRate),
            EstimatorPerformance.Of(draws, d => d.FullResponse, TruthOf),
            EstimatorPerformance.Of(draws, d => d.CompleteCase, TruthOf),
            EstimatorPerformance.Of(draws, d => d.Weighted, TruthOf),
            planted.Count(d => d.Bounds is { } b && b.Lower <= TruthOf(d) && TruthOf(d) <= b.Upper) / (double)planted.Count,
            planted.Count(d => d.Bounds is { } b && b.ImbensManskiInterval.Contains(TruthOf(d))) / (double)planted.Count,
            bounded.Count > 0 ? bounded.Average(d => d.Bounds!.Upper - d.Bounds.Lower) : double.NaN);
    }
}
