using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Research.Scales.Reliability;

/// <summary>
/// The internal-consistency statistics of one item set, computed as <c>psych::alpha</c>'s <c>alpha.1(C, R)</c>.
/// </summary>
/// <param name="RawAlpha">Cronbach's α (Guttman λ3) from the covariance matrix: (1 − tr C / ΣC) · n/(n−1).</param>
/// <param name="StandardizedAlpha">α from the correlation matrix: (1 − n / ΣR) · n/(n−1).</param>
/// <param name="Lambda6">Guttman's λ6 with squared multiple correlations: 1 − (n − Σ smc) / ΣR (psych "G6(smc)").</param>
/// <param name="AverageR">Mean off-diagonal correlation.</param>
/// <param name="MedianR">Median off-diagonal correlation.</param>
/// <param name="CorrelationVariance">Sample variance of the off-diagonal correlations (psych "var.r").</param>
/// <param name="SignalToNoise">n·r̄ / (1 − r̄).</param>
/// <param name="StandardError">Duhachek–Iacobucci asymptotic standard error √(Q/N) (psych "ase"), N = rows analysed.</param>
public sealed record AlphaStatistics(
    double RawAlpha,
    double StandardizedAlpha,
    double Lambda6,
    double AverageR,
    double MedianR,
    double CorrelationVariance,
    double SignalToNoise,
    double StandardError)
{
    internal static AlphaStatistics From(Matrix<double> c, Matrix<double> r, int rows)
    {
        var n = c.RowCount;
        var sumC = c.Enumerate().Sum();
        var trC = c.Trace();
        var sumR = r.Enumerate().Sum();
        var factor = n / (n - 1.0);
        var averageR = (sumR - n) / (n * (n - 1.0));
        var lower = new List<double>(n * (n - 1) / 2);
        for (var j = 0; j < n; j++)
        {
            for (var i = j + 1; i < n; i++)
            {
                lower.Add(r[i, j]);
            }
        }

        var cc = c * c;
        var q = 2.0 * n * n / ((n - 1.0) * (n - 1.0) * Math.Pow(sumC, 3))
            * (sumC * (cc.Trace() + trC * trC) - 2 * trC * cc.Enumerate().Sum());

        return new AlphaStatistics(
            RawAlpha: (1 - trC / sumC) * factor,
            StandardizedAlpha: (1 - n / sumR) * factor,
            Lambda6: 1 - (n - SquaredMultipleCorrelations(r).Sum()) / sumR,
            AverageR: averageR,
            MedianR: lower.Median(),
            CorrelationVariance: lower.Count > 1 ? lower.Variance() : double.NaN,
            SignalToNoise: n * averageR / (1 - averageR),
            StandardError: Math.Sqrt(q / rows));
    }

    /// <summary>smc_j = 1 − 1/(R⁻¹)_jj, bounded to [0, 1] as psych::smc does.</summary>
    internal static double[] SquaredMultipleCorrelations(Matrix<double> r)
    {
        var inverse = r.Inverse();
        return Enumerable.Range(0, r.RowCount).Select(j => Math.Clamp(1 - 1 / inverse[j, j], 0, 1)).ToArray();
    }
}
