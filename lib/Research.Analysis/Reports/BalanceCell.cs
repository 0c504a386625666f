using Research.Analysis.Disclosure;
using Research.Data.Design;

namespace Research.Analysis.Reports;

/// <summary>One baseline characteristic in one arm.</summary>
/// <param name="Covariate">The characteristic, e.g. <c>age</c> or <c>migration[western]</c>.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Mean">Mean (for an indicator: the share with the characteristic).</param>
/// <param name="StandardDeviation">Standard deviation.</param>
/// <param name="StandardizedDifference">Standardized difference with the control arm; null for the control arm.</param>
/// <param name="N">Persons in the arm.</param>
/// <param name="With">For an indicator, the persons with the characteristic; null otherwise.</param>
/// <param name="Magnitude">For a characteristic that is not an indicator, the magnitude of its values (for the dominance rule).</param>
public sealed record BalanceCell(string Covariate, ExperimentArm Arm, double Mean, double StandardDeviation, double? StandardizedDifference, int N, int? With, Magnitude? Magnitude)
{
    /// <summary>Whether the characteristic is a 0/1 indicator.</summary>
    public bool IsIndicator => With is not null;

    /// <summary>For an indicator, the persons without the characteristic.</summary>
    public int? Without => N - With;
}
