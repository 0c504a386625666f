using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Synthetic;

namespace Research.Simulation;

/// <summary>The planted intention-to-treat effect the estimates are compared with, from the site's truth.</summary>
public static class PlantedItt
{
    /// <summary>The ITT of <paramref name="arm"/> on <paramref name="outcome"/> at the site's primary horizon, for this draw's participants.</summary>
    public static double At(SyntheticSite site, ExperimentArm arm, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(arm);
        return site.Truth.Arms.Single(a => a.Arm == arm.Code).Effects
            .Single(e => e.Outcome == TruthKey(outcome) && e.HorizonMonths == site.Experiment.PrimaryHorizonMonths).Itt;
    }

    /// <summary>The outcome's name in <c>truth.json</c>.</summary>
    public static string TruthKey(Outcome outcome) => outcome switch
    {
        Outcome.FullOutflow => "full_outflow",
        Outcome.PartialOrFullOutflow => "partial_full_outflow",
        Outcome.BenefitIndependence => "benefit_independence",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "the truth file plants effects on the three statuses only"),
    };
}
