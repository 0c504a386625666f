using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>
/// Ordinary (or weighted) least squares, e.g. the linear probability model for ITT effects per arm.
/// <code>var fit = LinearModel.Fit(y, design, VarianceEstimator.CR2(municipality));</code>
/// </summary>
/// <remarks>
/// Solved by the normal equations of the intercept-centred columns with a rank-checked Cholesky factorisation (see
/// <see cref="LinearAlgebra.CheckedCholesky"/>) and one step of iterative refinement; X'X is accumulated in one blocked,
/// vectorised pass, so a 10⁶ × 20 fit reads the data a few times only.
/// Weighted fits minimise Σwᵢeᵢ² and compute every variance on the √w-scaled data, as estimatr does.
/// </remarks>
public static class LinearModel
{
    /// <summary>Fits y on the design with the chosen variance estimator.</summary>
    /// <exception cref="ArgumentException">Inputs of different lengths, missing values under the Error policy, bad weights.</exception>
    /// <exception cref="DegenerateModelException">Rank-deficient design, constant outcome, fewer than two clusters, leverage one under HC2/HC3.</exception>
    public static LinearModelResult Fit(IReadOnlyList<double> y, DesignMatrix design, VarianceEstimator variance, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= FitOptions.Default;
        var data = PreparedData.Prepare(y, [design], variance, options);
        data.RequireVariation(options.OutcomeName);
        return new FactoredDesign(design, data, variance, options).Solve(data, options.OutcomeName);
    }

    /// <summary>
    /// Factors the design once for many outcomes (see <see cref="FactoredDesign"/>): each of its fits equals
    /// <see cref="Fit"/> of that outcome, except that under HC0–HC3 and CR2 only the coefficients in
    /// <paramref name="inference"/> (all when null) get standard errors, degrees of freedom, p-values and intervals.
    /// </summary>
    /// <param name="design">The design.</param>
    /// <param name="variance">The variance estimator of every fit.</param>
    /// <param name="options">Weights, missing-value policy (for the design's columns, weights and cluster ids), confidence level.</param>
    /// <param name="inference">The coefficients that need standard errors, tests and intervals, or null for all.</param>
    /// <exception cref="ArgumentException">Inputs of different lengths, missing values under the Error policy, bad weights, an unknown coefficient name.</exception>
    /// <exception cref="DegenerateModelException">Rank-deficient design, fewer than two clusters.</exception>
    public static FactoredDesign Factor(DesignMatrix design, VarianceEstimator variance, FitOptions? options = null, IReadOnlyCollection<string>? inference = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= FitOptions.Default;
        var tested = inference?.Select(design.IndexOf).ToArray();

        // The rows are fixed by the design alone, so a complete placeholder outcome stands in while they are chosen.
        var data = PreparedData.Prepare(new double[design.RowCount], [design], variance, options);
        return new FactoredDesign(design, data, variance, options, tested);
    }
}
