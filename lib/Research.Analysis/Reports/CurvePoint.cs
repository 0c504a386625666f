using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>A published point of a Kaplan–Meier curve: the share of an arm with a first outflow by a month, with its 95% interval.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Month">Months since randomisation.</param>
/// <param name="Out">The Kaplan–Meier share with a first outflow by the month.</param>
/// <param name="Lower">Lower 95% limit (log-log).</param>
/// <param name="Upper">Upper 95% limit.</param>
/// <param name="N">Persons in the arm.</param>
/// <param name="FollowUpMonths">The follow-up of the curve.</param>
public sealed record CurvePoint(ExperimentArm Arm, ReportOutcome Outcome, int Month, double Out, double? Lower, double? Upper, int N, int FollowUpMonths);
