namespace Research.Statistics.MetaAnalysis;

/// <summary>Estimators of the between-study variance τ², all truncated at zero as metafor does.</summary>
internal static class Tau2Estimator
{
    public static double Estimate(PoolingModel model, MetaAnalysisMethod method) => method switch
    {
        MetaAnalysisMethod.FixedEffect => 0,
        MetaAnalysisMethod.DerSimonianLaird => DerSimonianLaird(model),
        MetaAnalysisMethod.RestrictedMaximumLikelihood => RestrictedMaximumLikelihood(model),
        MetaAnalysisMethod.PauleMandel => PauleMandel(model),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown meta-analysis method."),
    };

    /// <summary>τ²_DL = max(0, (Q − (k − p)) / tr(P)) with fixed-effect weights wᵢ = 1/vᵢ (tr(P) = Σw − Σw²/Σw for p = 1).</summary>
    private static double DerSimonianLaird(PoolingModel model)
    {
        var fixedPool = model.Pool(0);
        return Math.Max(0, (fixedPool.WeightedResidualSquares - model.ResidualDegreesOfFreedom) / fixedPool.TraceP);
    }

    /// <summary>
    /// The root of the REML score Σwᵢ²(yᵢ − μ̂)² − tr(P) = 0, or 0 when the score is not positive at τ² = 0
    /// (the restricted likelihood then peaks on the boundary). The score is negative for large τ², so the root
    /// is bracketed by doubling, which finds the smallest positive root.
    /// </summary>
    private static double RestrictedMaximumLikelihood(PoolingModel model) =>
        SolveDecreasingFromZero(
            model,
            tau2 =>
            {
                var pool = model.Pool(tau2);
                // The score has units 1/variance; scaled, the solver's absolute tolerance means the same for any unit.
                return (pool.SquaredWeightedResidualSquares - pool.TraceP) * model.VarianceScale;
            },
            "REML score equation");

    /// <summary>The τ² at which the generalised Q statistic Σwᵢ(yᵢ − μ̂)² equals its expectation k − p, or 0 if Q(0) ≤ k − p.</summary>
    private static double PauleMandel(PoolingModel model) =>
        SolveGeneralisedQ(model, model.ResidualDegreesOfFreedom, "Paule–Mandel estimating equation");

    /// <summary>The τ² ≥ 0 at which the generalised Q equals <paramref name="target"/> (Q is decreasing in τ²), or 0 if Q(0) ≤ target.</summary>
    public static double SolveGeneralisedQ(PoolingModel model, double target, string what) =>
        SolveDecreasingFromZero(model, tau2 => model.Pool(tau2).WeightedResidualSquares - target, what);

    private static double SolveDecreasingFromZero(PoolingModel model, Func<double, double> f, string what) =>
        Tau2Root.SolveDecreasingFromZero(f, model.VarianceScale, what);
}
