namespace Research.Statistics.MetaAnalysis;

/// <summary>The inverse-variance weighted group means for one value of τ², with the sums every estimator needs.</summary>
/// <param name="Means">Weighted mean of each group, Σwᵢyᵢ/Σwᵢ.</param>
/// <param name="SumWeights">Σwᵢ in each group: the inverse variance of its mean.</param>
/// <param name="TraceP">tr(P), P = W − WX(XᵀWX)⁻¹XᵀW: Σ over groups of Σw − Σw²/Σw.</param>
/// <param name="WeightedResidualSquares">Σwᵢ(yᵢ − μ̂_g)² = YᵀPY, the (generalised) Q.</param>
/// <param name="SquaredWeightedResidualSquares">Σwᵢ²(yᵢ − μ̂_g)² = YᵀPPY.</param>
internal sealed record InverseVariancePool(double[] Means, double[] SumWeights, double TraceP, double WeightedResidualSquares, double SquaredWeightedResidualSquares)
{
    /// <summary>The single mean of an intercept-only model.</summary>
    public double Mean => Means[0];

    /// <summary>The inverse variance of that mean.</summary>
    public double SumWeight => SumWeights[0];
}
