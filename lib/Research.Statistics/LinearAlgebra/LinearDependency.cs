namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// A column found to be (numerically) a linear combination of earlier columns, with the earlier columns that carry
/// non-negligible weight in that combination (weights refer to unit-norm-scaled columns).
/// </summary>
/// <param name="Column">Index of the dependent column.</param>
/// <param name="Involved">Earlier columns in the combination and their weights; empty when the column is all zero.</param>
public sealed record LinearDependency(int Column, IReadOnlyList<(int Column, double Weight)> Involved);
