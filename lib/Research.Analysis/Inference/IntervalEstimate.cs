using System.Globalization;
using Research.Statistics.MetaAnalysis;

namespace Research.Analysis.Inference;

/// <summary>An estimate with its uncertainty under one inference method.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="StandardError">Its standard error (HC2 for randomisation inference, CR1 for the wild bootstrap, whose intervals do not use it).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference; NaN for the resampling methods.</param>
/// <param name="ConfidenceInterval">The confidence interval (by test inversion for the resampling methods; limits may be infinite).</param>
/// <param name="PValue">Two-sided p-value of no effect.</param>
public sealed record IntervalEstimate(double Estimate, double StandardError, double DegreesOfFreedom, Interval ConfidenceInterval, double PValue)
{
    /// <summary>Upper minus lower limit.</summary>
    public double Width => ConfidenceInterval.Upper - ConfidenceInterval.Lower;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Estimate:F4} {ConfidenceInterval} p = {PValue:G3}");
}
