using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Synthetic;

namespace Research.Simulation;

/// <summary>A site's design as the study draws it: persons and caseworkers per arm, take-up and control shares at the primary horizon.</summary>
/// <param name="Experiment">The site.</param>
/// <param name="ArmSizes">Persons per arm, control first.</param>
/// <param name="Caseworkers">Caseworkers per arm, control first.</param>
/// <param name="TakeUp">Expected take-up in the treatment arms.</param>
/// <param name="ControlShares">Expected control share of each study outcome at the primary horizon.</param>
public sealed record SiteDesign(Experiment Experiment, IReadOnlyList<int> ArmSizes, IReadOnlyList<int> Caseworkers, double TakeUp, IReadOnlyDictionary<Outcome, double> ControlShares)
{
    /// <summary>Reads the design off one generated site.</summary>
    public static SiteDesign Of(SyntheticSite site, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(outcomes);
        var arms = site.Experiment.Arms;
        var horizon = site.Experiment.PrimaryHorizonMonths;
        var first = site.Truth.Arms[0].Effects;
        return new SiteDesign(
            site.Experiment,
            arms.Select(a => site.Participants.Count(p => p.Arm == a)).ToList(),
            arms.Select(a => site.Participants.Where(p => p.Arm == a).Select(p => p.CaseworkerId).Distinct(StringComparer.Ordinal).Count()).ToList(),
            site.ExpectedTakeUp,
            outcomes.ToDictionary(o => o, o => first.Single(e => e.Outcome == PlantedItt.TruthKey(o) && e.HorizonMonths == horizon).ControlMean));
    }

}
