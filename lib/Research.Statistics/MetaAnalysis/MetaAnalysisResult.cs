using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Research.Statistics.MetaAnalysis;

/// <summary>A fitted fixed- or random-effects meta-analysis (intercept-only model), matching metafor's <c>rma</c>.</summary>
/// <param name="Options">Method, test and level used.</param>
/// <param name="Studies">The input studies.</param>
/// <param name="Estimate">Pooled estimate μ̂ = Σwᵢyᵢ/Σwᵢ with wᵢ = 1/(vᵢ + τ̂²).</param>
/// <param name="StandardError">Standard error of μ̂ (Knapp–Hartung scaled when that test is used).</param>
/// <param name="Statistic">μ̂ / SE, a z or t statistic.</param>
/// <param name="DegreesOfFreedom">k − 1 for the Knapp–Hartung t test; null for the normal test.</param>
/// <param name="PValue">Two-sided p-value for μ = 0.</param>
/// <param name="ConfidenceInterval">Confidence interval for μ.</param>
/// <param name="Heterogeneity">Q, τ², I², H².</param>
/// <param name="HeterogeneityInterval">Q-profile interval for τ², I², H²; null for a fixed-effect model.</param>
/// <param name="PredictionInterval">
/// μ̂ ± c·√(SE² + τ̂²), with c the same normal or t(k − 1) quantile as the confidence interval (metafor's <c>predict</c>);
/// null for a fixed-effect model.
/// </param>
/// <param name="WeightsPercent">Each study's weight 100·wᵢ/Σwᵢ, in input order.</param>
public sealed record MetaAnalysisResult(
    MetaAnalysisOptions Options,
    StudyEffects Studies,
    double Estimate,
    double StandardError,
    double Statistic,
    int? DegreesOfFreedom,
    double PValue,
    Interval ConfidenceInterval,
    Heterogeneity Heterogeneity,
    HeterogeneityInterval? HeterogeneityInterval,
    Interval? PredictionInterval,
    IReadOnlyList<double> WeightsPercent)
{
    /// <summary>Number of studies k.</summary>
    public int K => Studies.Count;

    /// <summary>Rows for a forest plot: each study with its normal-theory interval and weight, then the pooled row.</summary>
    public ForestPlotData ForestPlot()
    {
        var z = Normal.InvCDF(0, 1, 0.5 + Options.ConfidenceLevel / 2);
        var (estimates, variances, labels) = (Studies.Estimates, Studies.Variances, Studies.Labels);
        var rows = new ForestPlotRow[K];
        for (var i = 0; i < K; i++)
        {
            var half = z * Math.Sqrt(variances[i]);
            rows[i] = new ForestPlotRow(labels[i], estimates[i], new Interval(estimates[i] - half, estimates[i] + half), WeightsPercent[i]);
        }

        var pooledLabel = Options.Method == MetaAnalysisMethod.FixedEffect ? "FE model" : "RE model";
        return new ForestPlotData(rows, new ForestPlotRow(pooledLabel, Estimate, ConfidenceInterval, 100), PredictionInterval);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var test = DegreesOfFreedom is { } df ? string.Create(CultureInfo.InvariantCulture, $"t({df})") : "z";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Options.Method} meta-analysis, k = {K}: estimate {Estimate:G4} (SE {StandardError:G4}), {Options.ConfidenceLevel * 100:0.##}% CI {ConfidenceInterval}, {test} = {Statistic:G4}, p = {PValue:G4}; {Heterogeneity}");
        return PredictionInterval is { } pi ? text + string.Create(CultureInfo.InvariantCulture, $"; prediction interval {pi}") : text;
    }
}
