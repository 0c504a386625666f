namespace Research.Statistics.Balance;

/// <summary>One covariate of a balance table.</summary>
/// <param name="Covariate">Design column name.</param>
/// <param name="Means">Mean per arm, in <see cref="BalanceTable.Arms"/> order (control first).</param>
/// <param name="StandardDeviations">Sample SD (n − 1 denominator) per arm, same order.</param>
/// <param name="StandardizedDifferences">Per treated arm (<see cref="BalanceTable.Arms"/> without the control):
/// (mean_arm − mean_control) / √((var_arm + var_control) / 2).</param>
public sealed record BalanceRow(
    string Covariate,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> StandardDeviations,
    IReadOnlyList<double> StandardizedDifferences);
