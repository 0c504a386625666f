namespace Research.Statistics.Regression;

/// <summary>A coefficient covariance matrix with the degrees of freedom of each coefficient's t reference (∞ = normal).</summary>
internal sealed record VarianceResult(double[,] Covariance, double[] DegreesOfFreedom, double WaldDenominatorDf, IReadOnlyList<string> Notes);
