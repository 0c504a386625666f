using MathNet.Numerics.Distributions;

namespace Research.Analysis.Reports;

/// <summary>Descriptive statistics the sections share.</summary>
public static class Descriptive
{
    private static readonly double Z = Normal.InvCDF(0, 1, 0.975);

    /// <summary>The sample standard deviation (n − 1); NaN for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The Wilson score 95% interval of a share <paramref name="share"/> of <paramref name="n"/> persons.</summary>
    public static (double Lower, double Upper) Wilson(double share, int n)
    {
        if (n <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var z2 = Z * Z;
        var centre = (share + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z * Math.Sqrt((share * (1 - share) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The 95% t interval of a mean of <paramref name="n"/> values with standard deviation <paramref name="sd"/>.</summary>
    public static (double Lower, double Upper) MeanInterval(double mean, double sd, int n)
    {
        if (n < 2 || !double.IsFinite(sd))
        {
            return (double.NaN, double.NaN);
        }

        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return (mean - half, mean + half);
    }
}
