using Research.Data.Design;
using Research.Statistics.Attrition;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Reports;

/// <summary>
/// The effect of a treatment arm on the pre-specified wellbeing summary index (<see cref="Shared.WellbeingIndex"/>) at
/// the last survey wave, three ways under attrition: the respondents as they are (complete cases), weighted by the
/// inverse of their estimated response probability (the primary estimate: the coverage study found it unbiased when
/// response depends on wellbeing), and Lee bounds, which assume nothing about why people did not respond.
/// </summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Wave">The survey wave.</param>
/// <param name="CompleteCase">Lin-adjusted effect on the respondents, primary inference rule.</param>
/// <param name="Weighted">The same, weighted by the inverse response probability.</param>
/// <param name="Bounds">Lee (2009) bounds with the Imbens–Manski interval.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record WellbeingIndexEffect(ExperimentArm Arm, int Wave, Shared.ArmEffect CompleteCase, Shared.ArmEffect Weighted, LeeBoundsResult Bounds);
