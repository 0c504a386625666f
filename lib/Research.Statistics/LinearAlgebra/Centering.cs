namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// Centring of design columns against one of them: column j is used as xⱼ − <see cref="Means"/>[j]·<see cref="Column"/>
/// (the mean of the intercept column itself is 0). Cross products of centred columns are far better conditioned
/// when covariates have large means, which is what makes the normal equations accurate.
/// </summary>
/// <param name="Column">The intercept column (ones, or √w for weighted fits).</param>
/// <param name="Means">Per column, mⱼ = c'xⱼ / c'c; 0 for the intercept column.</param>
public readonly record struct Centering(double[] Column, IReadOnlyList<double> Means);
