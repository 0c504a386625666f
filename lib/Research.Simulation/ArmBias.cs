using Research.Analysis.Outcomes;
using Research.Data.Design;

namespace Research.Simulation;

/// <summary>Whether one arm's estimates centre on its planted effect: the mean estimate against the mean truth across replications.</summary>
/// <param name="Experiment">The site.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The outcome at the primary horizon.</param>
/// <param name="MeanEstimate">The mean estimate.</param>
/// <param name="MeanTruth">The mean planted ITT (it varies a little with each replication's participants).</param>
/// <param name="StandardError">Monte Carlo standard error of the mean estimation error.</param>
/// <param name="Replications">Estimates behind the means.</param>
public sealed record ArmBias(Experiment Experiment, ExperimentArm Arm, Outcome Outcome, double MeanEstimate, double MeanTruth, double StandardError, int Replications)
{
    /// <summary>Mean estimate minus mean truth.</summary>
    public double Bias => MeanEstimate - MeanTruth;

    /// <summary>Bias in Monte Carlo standard errors.</summary>
    public double Z => Bias / StandardError;

    /// <summary>Per arm and outcome, from estimates and their truths (pairs of the same replication).</summary>
    public static IReadOnlyList<ArmBias> Of(IEnumerable<(Experiment Experiment, ExperimentArm Arm, Outcome Outcome, double Estimate, double Truth)> draws) => draws
        .GroupBy(d => (d.Experiment, d.Arm, d.Outcome))
        .Select(g =>
        {
            var errors = g.Select(d => d.Estimate - d.Truth).ToList();
            var mean = errors.Average();
            var se = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Count - 1) / errors.Count);
            return new ArmBias(g.Key.Experiment, g.Key.Arm, g.Key.Outcome, g.Average(d => d.Estimate), g.Average(d => d.Truth), se, errors.Count);
        })
        .ToList();
}
