using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>The share of an arm in an outcome in one month relative to randomisation.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Month">Months since randomisation (negative: before).</param>
/// <param name="Share">The share of the persons observed that month who are in the outcome.</param>
/// <param name="N">Persons of the arm observed that month.</param>
public sealed record MonthlyShare(ExperimentArm Arm, ReportOutcome Outcome, int Month, double Share, int N)
{
    /// <summary>The Wilson 95% interval of the share.</summary>
    public (double Lower, double Upper) Interval => Descriptive.Wilson(Share, N);
}
