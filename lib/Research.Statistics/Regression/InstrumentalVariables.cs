using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// Two-stage least squares as estimatr's <c>iv_robust</c>: b = (X̂'X̂)⁻¹X̂'y with X̂ the projection of the
/// regressors on the instruments; residuals y − Xb use the actual regressors; sandwich variances use X̂ (also for
/// the HC2/HC3/CR2 leverages). Degrees of freedom as for <see cref="LinearModel"/>.
/// </summary>
public static class InstrumentalVariables
{
    /// <summary>
    /// Fits y on <paramref name="regressors"/> using <paramref name="instruments"/>. Columns present in both (by
    /// name) are exogenous; regressor columns missing from the instruments are instrumented.
    /// </summary>
    /// <exception cref="DegenerateModelException">Too few instruments, rank-deficient instruments, or an endogenous column the instruments do not identify.</exception>
    public static InstrumentalVariablesResult Fit(IReadOnlyList<double> y, DesignMatrix regressors, DesignMatrix instruments, VarianceEstimator variance, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regressors);
        ArgumentNullException.ThrowIfNull(instruments);
        options ??= FitOptions.Default;
        var endogenous = regressors.Names.Except(instruments.Names, StringComparer.Ordinal).ToList();
        var excluded = instruments.Names.Except(regressors.Names, StringComparer.Ordinal).ToList();
        if (excluded.Count < endogenous.Count)
        {
            throw new DegenerateModelException(string.Create(
                CultureInfo.InvariantCulture, $"2SLS is under-identified: {endogenous.Count} instrumented column(s) ({string.Join(", ", endogenous)}) but only {excluded.Count} excluded instrument(s)."));
        }

        var data = PreparedData.Prepare(y, [regressors, instruments], variance, options);
        data.RequireVariation(options.OutcomeName);
        var x = data.Designs[0];
        var z = data.Designs[1];
        var n = data.RowCount;
        var firstStage = NormalEquations.Factor(z, instruments.Names, n, NormalEquations.InterceptIndex(instruments), "instrument matrix");
        var fitted = x.Select(column => CrossProduct.Times(z, firstStage.Solve(column))).ToArray();
        var factor = NormalEquations.Factor(
            fitted, regressors.Names, n, NormalEquations.InterceptIndex(regressors), "first-stage fitted regressor matrix (the instruments do not identify it)");
        var beta = factor.Solve(data.Y);
        var prediction = CrossProduct.Times(x, beta);
        var residuals = new double[n];
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = data.Y[i] - prediction[i];
            rss += residuals[i] * residuals[i];
        }

        var input = new SandwichInput(new SandwichDesign(fitted, factor.Inverse(), factor.InverseFactor(), NormalReference: false, data.Weights), residuals, rss / (n - x.Count));
        var result = SandwichVariance.Compute(input, variance.Type, data.Clusters, data.ClusterCount);
        return new InstrumentalVariablesResult(options.OutcomeName, regressors.Names, beta, result, variance, data, options.ConfidenceLevel, endogenous, excluded);
    }
}
