using System.Globalization;
using Research.Statistics.Inference;

namespace Research.Statistics.MetaAnalysis;

/// <summary>
/// Inflates sampling variances for their small degrees of freedom before pooling (see <see cref="VarianceInflation"/>).
/// <code>var studies = SmallSampleInflation.Inflate(StudyEffects.FromStandardErrors(itt, se, sites), df, VarianceInflation.StudentTQuantile);</code>
/// </summary>
public static class SmallSampleInflation
{
    /// <summary>The factor by which a variance with <paramref name="degreesOfFreedom"/> df is multiplied (1 for +∞ df).</summary>
    /// <exception cref="ArgumentOutOfRangeException">df not positive; df ≤ 2 under <see cref="VarianceInflation.StudentTVariance"/>; a level outside (0, 1).</exception>
    public static double Factor(double degreesOfFreedom, VarianceInflation method, double confidenceLevel = 0.95)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive (+∞ for a known variance).");
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie in (0, 1).");
        }

        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return 1;
        }

        switch (method)
        {
            case VarianceInflation.None:
                return 1;
            case VarianceInflation.StudentTVariance when degreesOfFreedom <= 2:
                throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, string.Create(CultureInfo.InvariantCulture,
                    $"A t distribution with {degreesOfFreedom:G4} df has no finite variance; use VarianceInflation.StudentTQuantile."));
            case VarianceInflation.StudentTVariance:
                return degreesOfFreedom / (degreesOfFreedom - 2);
            case VarianceInflation.StudentTQuantile:
                var ratio = ReferenceDistribution.CriticalValue(confidenceLevel, degreesOfFreedom) / ReferenceDistribution.CriticalValue(confidenceLevel, double.PositiveInfinity);
                return ratio * ratio;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown variance inflation.");
        }
    }

    /// <summary>The studies with each variance multiplied by its factor.</summary>
    /// <exception cref="ArgumentException">One df per study is required.</exception>
    public static StudyEffects Inflate(StudyEffects studies, IReadOnlyList<double> degreesOfFreedom, VarianceInflation method, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var factors = Factors(degreesOfFreedom, studies.Count, method, confidenceLevel);
        return StudyEffects.FromVariances(studies.Estimates, studies.Variances.Select((v, i) => v * factors[i]).ToArray(), studies.Labels);
    }

    /// <summary>
    /// A covariance matrix with entry (i, j) multiplied by √(fᵢfⱼ): variances inflated, correlations (e.g. from a shared
    /// control group) kept.
    /// </summary>
    public static double[,] Inflate(double[,] covariance, IReadOnlyList<double> degreesOfFreedom, VarianceInflation method, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var k = covariance.GetLength(0);
        if (covariance.GetLength(1) != k)
        {
            throw new ArgumentException("The covariance must be square.", nameof(covariance));
        }

        var roots = Factors(degreesOfFreedom, k, method, confidenceLevel).Select(Math.Sqrt).ToArray();
        var result = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                result[i, j] = covariance[i, j] * roots[i] * roots[j];
            }
        }

        return result;
    }

    private static double[] Factors(IReadOnlyList<double> degreesOfFreedom, int count, VarianceInflation method, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(degreesOfFreedom);
        if (degreesOfFreedom.Count != count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {count} degrees of freedom (one per study) but got {degreesOfFreedom.Count}."), nameof(degreesOfFreedom));
        }

        return degreesOfFreedom.Select(df => Factor(df, method, confidenceLevel)).ToArray();
    }
}
