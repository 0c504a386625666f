using System.Globalization;

namespace Research.Statistics.Regression;

/// <summary>A fitted linear model (OLS, weighted least squares or linear probability model).</summary>
public sealed class LinearModelResult : ModelFit
{
    internal LinearModelResult(
        string outcome, IReadOnlyList<string> names, double[] estimates, VarianceResult variance, VarianceEstimator estimator, PreparedData data,
        double level, double rSquared, double adjustedRSquared, double sigma, double[] residuals, bool allowUndefined = false)
        : base(outcome, names, estimates, variance, estimator, data, level, allowUndefined)
    {
        RSquared = rSquared;
        AdjustedRSquared = adjustedRSquared;
        ResidualStandardError = sigma;
        Residuals = residuals;
    }

    /// <summary>R² (weighted when weights are given; uncentred when the design has no intercept).</summary>
    public double RSquared { get; }

    /// <summary>Adjusted R².</summary>
    public double AdjustedRSquared { get; }

    /// <summary>σ̂ = √(Σwᵢeᵢ² / (n − k)).</summary>
    public double ResidualStandardError { get; }

    /// <summary>Residuals yᵢ − xᵢ'b of the rows used, on the original (unweighted) scale.</summary>
    public IReadOnlyList<double> Residuals { get; }

    private protected override IEnumerable<string> Header()
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"Linear model for {Outcome}: R² = {RSquared:F4}, adj. R² = {AdjustedRSquared:F4}, σ = {ResidualStandardError:G5}");
    }
}
