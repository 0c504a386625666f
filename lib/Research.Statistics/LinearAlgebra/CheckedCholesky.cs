namespace Research.Statistics.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = R'R of a symmetric positive semi-definite cross-product matrix (such as X'X) that
/// detects rank deficiency instead of producing garbage. Columns are processed in their given order, so a
/// dependent column is blamed on the later column, as R's <c>lm</c> does.
/// </summary>
/// <remarks>
/// The matrix is first scaled to unit diagonal, which makes the test scale-free: column j is declared dependent
/// when the part of it not explained by the earlier columns has squared norm below <see cref="Tolerance"/> of its
/// own squared norm (equivalently, its R² on the earlier columns exceeds 1 − 1e-10, a residual norm below 1e-5 of
/// the column norm).
/// </remarks>
public sealed class CheckedCholesky
{
    /// <summary>Relative squared-norm threshold below which a column counts as a linear combination of earlier ones.</summary>
    public const double Tolerance = 1e-10;

    private readonly double[,] _r;

    private CheckedCholesky(double[,] r) => _r = r;

    /// <summary>Dimension of the factored matrix.</summary>
    public int Size => _r.GetLength(0);

    /// <summary>
    /// Factors <paramref name="a"/>, or returns <c>null</c> and sets <paramref name="dependency"/> when a column is
    /// (numerically) a linear combination of earlier columns.
    /// </summary>
    public static CheckedCholesky? TryFactor(double[,] a, out LinearDependency? dependency)
    {
        var k = a.GetLength(0);
        var scale = new double[k];
        for (var j = 0; j < k; j++)
        {
            scale[j] = Math.Sqrt(a[j, j]);
        }

        var r = new double[k, k];
        for (var j = 0; j < k; j++)
        {
            if (!(scale[j] > 0) || !double.IsFinite(scale[j]))
            {
                dependency = new LinearDependency(j, []);
                return null;
            }

            for (var i = 0; i <= j; i++)
            {
                var sum = a[i, j] / (scale[i] * scale[j]);
                for (var p = 0; p < i; p++)
                {
                    sum -= r[p, i] * r[p, j];
                }

                if (i < j)
                {
                    r[i, j] = sum / r[i, i];
                }
                else if (sum < Tolerance)
                {
                    dependency = new LinearDependency(j, Combination(r, j));
                    return null;
                }
                else
                {
                    r[j, j] = Math.Sqrt(sum);
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                r[i, j] *= scale[j];
            }
        }

        dependency = null;
        return new CheckedCholesky(r);
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(IReadOnlyList<double> b)
    {
        var k = Size;
        var x = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = b[i];
            for (var p = 0; p < i; p++)
            {
                sum -= _r[p, i] * x[p];
            }

            x[i] = sum / _r[i, i];
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var p = i + 1; p < k; p++)
            {
                sum -= _r[i, p] * x[p];
            }

            x[i] = sum / _r[i, i];
        }

        return x;
    }

    /// <summary>Returns F = R⁻¹ (upper triangular), so that A⁻¹ = F F'.</summary>
    public double[,] InverseFactor()
    {
        var k = Size;
        var f = new double[k, k];
        for (var j = 0; j < k; j++)
        {
            f[j, j] = 1 / _r[j, j];
            for (var i = j - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var p = i + 1; p <= j; p++)
                {
                    sum += _r[i, p] * f[p, j];
                }

                f[i, j] = -sum / _r[i, i];
            }
        }

        return f;
    }

    /// <summary>Returns A⁻¹.</summary>
    public double[,] Inverse()
    {
        var f = InverseFactor();
        var k = Size;
        var inverse = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                var sum = 0.0;
                for (var p = j; p < k; p++)
                {
                    sum += f[i, p] * f[j, p];
                }

                inverse[i, j] = sum;
                inverse[j, i] = sum;
            }
        }

        return inverse;
    }

    // Coefficients (in the unit-diagonal scaling) of column j on the earlier columns: R11 c = R[.., j] backwards.
    private static (int Column, double Weight)[] Combination(double[,] r, int j)
    {
        var c = new double[j];
        for (var i = j - 1; i >= 0; i--)
        {
            var sum = r[i, j];
            for (var p = i + 1; p < j; p++)
            {
                sum -= r[i, p] * c[p];
            }

            c[i] = sum / r[i, i];
        }

        return Enumerable.Range(0, j).Where(i => Math.Abs(c[i]) > 1e-6).Select(i => (i, c[i])).ToArray();
    }
}
