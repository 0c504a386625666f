using System.Globalization;
using Research.Statistics.Design;

namespace Research.Statistics.Randomisation;

/// <summary>
/// Least squares of outcomes on [1, x₁ … x_p] within one arm, for Lin-adjusted randomisation statistics: the intercept
/// (the arm's adjusted mean when the covariates are centred at the overall mean) and its HC2 variance. A covariate that
/// is (numerically) collinear with the earlier columns within the arm gets slope 0, so every re-randomisation has a
/// well-defined statistic.
/// </summary>
internal static class ArmRegression
{
    private const double DropTolerance = 1e-10;

    /// <summary>
    /// Row-major [1, x₁ … x_p] per individual with the covariates of <paramref name="covariates"/> centred at their mean
    /// over all individuals: the regressors of every arm's fit, laid out for one pass per row.
    /// </summary>
    /// <exception cref="ArgumentException">Rows other than <paramref name="n"/>, an intercept term, or a missing or infinite value.</exception>
    public static (double[] Regressors, int P) Centred(DesignMatrix covariates, int n)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        if (covariates.RowCount != n)
        {
            throw new ArgumentException($"The covariates have {covariates.RowCount} rows but there are {n} outcomes.", nameof(covariates));
        }

        if (covariates.Terms.Any(t => t.Kind == TermKind.Intercept))
        {
            throw new ArgumentException("The covariates must not contain an intercept; each arm's regression has its own.", nameof(covariates));
        }

        var p = covariates.ColumnCount + 1;
        var z = new double[n * p];
        for (var j = 1; j < p; j++)
        {
            var column = covariates.Column(j - 1);
            var sum = 0.0;
            foreach (var v in column)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Covariate '{covariates.Names[j - 1]}' has a missing or infinite value; fill or drop it first (e.g. as LinAdjustment's missing-indicator policy does).", nameof(covariates));
                }

                sum += v;
            }

            var mean = sum / n;
            for (var i = 0; i < n; i++)
            {
                z[(i * p) + j] = column[i] - mean;
            }
        }

        for (var i = 0; i < n; i++)
        {
            z[i * p] = 1;
        }

        return (z, p);
    }

    /// <summary>Throws unless both arms have more individuals than regressors.</summary>
    public static void RequireRows(int treated, int control, int p)
    {
        if (treated <= p || control <= p)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Each arm needs more than {p} individuals for its regression on {p - 1} covariates."), "assignment");
        }
    }

    /// <summary>Intercept and its HC2 variance (NaN when a row has leverage one).</summary>
    /// <param name="rows">The arm's individuals.</param>
    /// <param name="y">Outcomes of all individuals.</param>
    /// <param name="regressors">From <see cref="Centred"/>.</param>
    /// <param name="p">Regressors per row (covariates + 1).</param>
    public static (double Intercept, double Hc2Variance) Fit(int[] rows, double[] y, double[] regressors, int p)
    {
        var fit = Fit(rows, [y], regressors, p);
        return (fit.Intercepts[0], fit.Cross[0]);
    }

    /// <summary>
    /// The intercepts for several outcomes on the same regressors, and the HC2 cross-products
    /// Σᵢ eᵢⱼ·eᵢₖ·(M zᵢ)₀²/(1 − hᵢ) of their residuals (row-major, outcomes × outcomes): the HC2 variance of any linear
    /// combination of the outcomes' intercepts follows from them. NaN cross-products when a row has leverage one.
    /// </summary>
    public static (double[] Intercepts, double[] Cross) Fit(int[] rows, double[][] outcomes, double[] regressors, int p)
    {
        var m = outcomes.Length;
        var gram = new double[p, p];
        var right = new double[m, p];
        foreach (var i in rows)
        {
            var row = regressors.AsSpan(i * p, p);
            for (var a = 0; a < p; a++)
            {
                var za = row[a];
                for (var o = 0; o < m; o++)
                {
                    right[o, a] += za * outcomes[o][i];
                }

                for (var b = 0; b <= a; b++)
                {
                    gram[a, b] += za * row[b];
                }
            }
        }

        var inverseL = InverseCholesky(gram, p);

        // β = M·r and, per row, h = ‖L⁻¹z‖² and (Mz)₀ = Σ_m (L⁻¹)_{m0}(L⁻¹z)_m, since M = L⁻ᵀL⁻¹.
        var beta = new double[m, p];
        for (var o = 0; o < m; o++)
        {
            var half = new double[p];
            for (var a = 0; a < p; a++)
            {
                for (var j = 0; j <= a; j++)
                {
                    half[a] += inverseL[a, j] * right[o, j];
                }
            }

            for (var a = 0; a < p; a++)
            {
                for (var k = a; k < p; k++)
                {
                    beta[o, a] += inverseL[k, a] * half[k];
                }
            }
        }

        var cross = new double[m * m];
        var residuals = new double[m];
        foreach (var i in rows)
        {
            var z = regressors.AsSpan(i * p, p);
            double leverage = 0, first = 0;
            for (var k = 0; k < p; k++)
            {
                var sum = 0.0;
                for (var j = 0; j <= k; j++)
                {
                    sum += inverseL[k, j] * z[j];
                }

                leverage += sum * sum;
                first += inverseL[k, 0] * sum;
            }

            if (1 - leverage < 1e-10)
            {
                Array.Fill(cross, double.NaN);
                break;
            }

            for (var o = 0; o < m; o++)
            {
                var fitted = 0.0;
                for (var k = 0; k < p; k++)
                {
                    fitted += beta[o, k] * z[k];
                }

                residuals[o] = outcomes[o][i] - fitted;
            }

            var weight = first * first / (1 - leverage);
            for (var o = 0; o < m; o++)
            {
                for (var q = 0; q < m; q++)
                {
                    cross[(o * m) + q] += weight * residuals[o] * residuals[q];
                }
            }
        }

        var intercepts = new double[m];
        for (var o = 0; o < m; o++)
        {
            intercepts[o] = beta[o, 0];
        }

        return (intercepts, cross);
    }

    /// <summary>L⁻¹ of the Cholesky factor of the Gram matrix (lower triangle given), with zero rows and columns for the columns dropped as collinear (slope 0).</summary>
    private static double[,] InverseCholesky(double[,] gram, int p)
    {
        // Cholesky in column order, dropping columns whose residual diagonal vanishes; L is stored in the lower triangle.
        var kept = new bool[p];
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = gram[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (!(d > DropTolerance * gram[j, j]))
            {
                continue;
            }

            kept[j] = true;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = gram[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        var inverseL = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            if (!kept[j])
            {
                continue;
            }

            inverseL[j, j] = 1 / l[j, j];
            for (var i = j + 1; i < p; i++)
            {
                if (!kept[i])
                {
                    continue;
                }

                var s = 0.0;
                for (var k = j; k < i; k++)
                {
                    s += l[i, k] * inverseL[k, j];
                }

                inverseL[i, j] = -s / l[i, i];
            }
        }

        return inverseL;
    }
}
