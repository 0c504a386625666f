using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// Ordinary (or weighted) least squares, e.g. the linear probability model for ITT effects per arm.
/// <code>var fit = LinearModel.Fit(y, design, VarianceEstimator.CR2(municipality));</code>
/// </summary>
/// <remarks>
/// Solved by the normal equations of the intercept-centred columns with a rank-checked Cholesky factorisation (see
/// <see cref="CheckedCholesky"/>) and one step of iterative refinement; X'X is accumulated in one blocked,
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
        var x = data.Designs[0];
        var factor = NormalEquations.Factor(x, design.Names, data.RowCount, NormalEquations.InterceptIndex(design));
        var beta = factor.Solve(data.Y);
        var fitted = CrossProduct.Times(x, beta);
        var n = data.RowCount;
        var k = x.Count;
        var residuals = new double[n];
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = data.Y[i] - fitted[i];
            rss += residuals[i] * residuals[i];
        }

        var sigma2 = rss / (n - k);
        var input = new SandwichInput(x, residuals, factor.Inverse(), factor.InverseFactor(), sigma2, NormalReference: false, data.Weights);
        var result = SandwichVariance.Compute(input, variance.Type, data.Clusters, data.ClusterCount);
        var hasIntercept = design.Terms.Any(t => t.Kind == TermKind.Intercept);
        var tss = TotalSumOfSquares(data, hasIntercept);
        var r2 = 1 - (rss / tss);
        var adjusted = 1 - ((1 - r2) * (n - (hasIntercept ? 1.0 : 0.0)) / (n - k));
        return new LinearModelResult(
            options.OutcomeName, design.Names, beta, result, variance, data, options.ConfidenceLevel, r2, adjusted, Math.Sqrt(sigma2), Unweighted(residuals, data.SqrtWeights), options.AllowUndefinedStandardErrors);
    }

    private static double TotalSumOfSquares(PreparedData data, bool centred)
    {
        var y = data.Y;
        var w = data.SqrtWeights;
        var mean = 0.0;
        if (centred)
        {
            double sum = 0, weight = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var sw = w?[i] ?? 1.0;
                sum += sw * y[i];
                weight += sw * sw;
            }

            mean = sum / weight;
        }

        var tss = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var d = y[i] - ((w?[i] ?? 1.0) * mean);
            tss += d * d;
        }

        return tss;
    }

    private static double[] Unweighted(double[] residuals, double[]? sqrtWeights)
    {
        if (sqrtWeights is null)
        {
            return residuals;
        }

        var result = new double[residuals.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = residuals[i] / sqrtWeights[i];
        }

        return result;
    }
}
