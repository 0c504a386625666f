using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>What the comparison of one arm with the control could detect at the primary horizon.</summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Horizon">The primary horizon.</param>
/// <param name="MinimumDetectable">The minimum detectable effect (two-sided 5%, 80% power); null when not estimable.</param>
/// <param name="Icc">The intraclass correlation within caseworkers.</param>
/// <param name="DesignEffect">The design effect of clustering for the arm.</param>
/// <param name="NArm">Persons of the arm.</param>
/// <param name="NControl">Persons of the control arm.</param>
/// <param name="ControlMean">The control arm's share in the outcome.</param>
/// <param name="IntervalExcludesMde">Whether the primary interval excludes effects as large as the MDE; null when not estimable.</param>
public sealed record DetectableEffect(ExperimentArm Arm, ReportOutcome Outcome, int Horizon, double? MinimumDetectable, double Icc, double DesignEffect,
    int NArm, int NControl, double ControlMean, bool? IntervalExcludesMde)
{
    /// <summary>Persons in the comparison.</summary>
    public int N => NArm + NControl;
}
