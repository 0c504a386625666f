using Research.Analysis.Inference;
using Research.Data.Design;
using Research.Statistics.Attrition;

namespace Research.Simulation;

/// <summary>One arm's wellbeing-index effect under attrition in one replication.</summary>
/// <param name="Replication">The replication.</param>
/// <param name="World">No effects or planted effects.</param>
/// <param name="Experiment">The site.</param>
/// <param name="Arm">The treatment arm.</param>
/// <param name="ResponseRate">The share of the site's participants who responded in the wave.</param>
/// <param name="FullResponse">The same persons had everyone responded (planted effects only; null otherwise or when not estimable): the mean over replications is the true effect.</param>
/// <param name="CompleteCase">Respondents only (null when not estimable).</param>
/// <param name="Weighted">Inverse-probability response weights (null when not estimable).</param>
/// <param name="Bounds">Lee bounds (null when not estimable).</param>
public sealed record WellbeingDraw(int Replication, World World, Experiment Experiment, ExperimentArm Arm, double ResponseRate, IntervalEstimate? FullResponse, IntervalEstimate? CompleteCase, IntervalEstimate? Weighted, LeeBoundsResult? Bounds);
