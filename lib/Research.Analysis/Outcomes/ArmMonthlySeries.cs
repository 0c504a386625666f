namespace Research.Analysis.Outcomes;

/// <summary>
/// The monthly mean of an outcome (for a status: the share in it) in one arm of one municipality, month by month
/// relative to randomisation, with the number of persons observed in each month.
/// </summary>
/// <param name="Municipality">The municipality.</param>
/// <param name="Arm">The arm code.</param>
/// <param name="FirstMonth">The relative month of element 0 of <paramref name="Means"/> and <paramref name="Counts"/>.</param>
/// <param name="Means">Per month, the mean over observed persons; NaN only where <paramref name="Counts"/> is 0.</param>
/// <param name="Counts">Per month, the number of persons observed.</param>
public sealed record ArmMonthlySeries(string Municipality, string Arm, int FirstMonth, IReadOnlyList<double> Means, IReadOnlyList<int> Counts);
