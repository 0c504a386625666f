namespace Research.Statistics.Regression;

/// <summary>One row of a coefficient table.</summary>
/// <param name="Name">Column name in the design, e.g. <c>arm[A]</c>.</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="StandardError">Standard error under the fit's variance estimator.</param>
/// <param name="Statistic">Estimate / standard error.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference; +∞ means the standard normal.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="ConfidenceLow">Lower confidence limit.</param>
/// <param name="ConfidenceHigh">Upper confidence limit.</param>
public sealed record Coefficient(
    string Name,
    double Estimate,
    double StandardError,
    double Statistic,
    double DegreesOfFreedom,
    double PValue,
    double ConfidenceLow,
    double ConfidenceHigh);
