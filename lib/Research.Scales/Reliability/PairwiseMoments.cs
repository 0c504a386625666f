using MathNet.Numerics.LinearAlgebra;

namespace Research.Scales.Reliability;

/// <summary>Covariances and correlations over pairwise-complete rows, as R's <c>cov</c>/<c>cor</c> with <c>use = "pairwise"</c>.</summary>
internal static class PairwiseMoments
{
    /// <summary>Sample covariance of each pair over the rows where both are present, with that pair's own means.</summary>
    public static Matrix<double> Covariance(IReadOnlyList<double[]> columns) => Build(columns, correlation: false);

    /// <summary>Pearson correlation of each pair over the rows where both are present.</summary>
    public static Matrix<double> Correlation(IReadOnlyList<double[]> columns) => Build(columns, correlation: true);

    /// <summary>Pearson correlation of two columns over the rows where both are present (NaN when undefined).</summary>
    public static double Correlation(double[] x, double[] y)
    {
        var (_, sxy, sxx, syy) = Pair(x, y);
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>R's <c>cov2cor</c>.</summary>
    public static Matrix<double> CovarianceToCorrelation(Matrix<double> c)
    {
        var k = c.RowCount;
        return Matrix<double>.Build.Dense(k, k, (i, j) => i == j ? 1.0 : c[i, j] / Math.Sqrt(c[i, i] * c[j, j]));
    }

    private static Matrix<double> Build(IReadOnlyList<double[]> columns, bool correlation)
    {
        var k = columns.Count;
        var m = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var (n, sxy, sxx, syy) = Pair(columns[i], columns[j]);
                var value = correlation
                    ? (i == j ? 1.0 : sxy / Math.Sqrt(sxx * syy))
                    : sxy / (n - 1);
                m[i, j] = value;
                m[j, i] = value;
            }
        }

        return m;
    }

    /// <summary>Centred cross-products over pairwise-complete rows (two passes for accuracy).</summary>
    private static (long N, double Sxy, double Sxx, double Syy) Pair(double[] x, double[] y)
    {
        long n = 0;
        double mx = 0, my = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r]))
            {
                continue;
            }

            n++;
            mx += x[r];
            my += y[r];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r]))
            {
                continue;
            }

            var dx = x[r] - mx;
            var dy = y[r] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return (n, sxy, sxx, syy);
    }
}
