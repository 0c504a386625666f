namespace Research.Statistics.Regression;

/// <summary>
/// A coefficient covariance matrix with the degrees of freedom of each coefficient's t reference (∞ = normal).
/// <paramref name="Untested"/> lists coefficients whose variance was not computed (a prepared design asked only for
/// others; NaN in the covariance): they get an estimate but no standard error, test or interval. A variance at or below its coefficient's
/// <paramref name="RoundingFloor"/> is zero up to rounding.
/// </summary>
internal sealed record VarianceResult(double[,] Covariance, double[] DegreesOfFreedom, double WaldDenominatorDf, IReadOnlyList<string> Notes, IReadOnlySet<int>? Untested = null, IReadOnlyList<double>? RoundingFloor = null);
