namespace Research.Statistics.Randomisation;

/// <summary>
/// Least squares of y on [1, x₁ … x_p] within one arm, for Lin-adjusted randomisation statistics: the intercept (the
/// arm's adjusted mean when the covariates are centred at the overall mean) and its HC2 variance. A covariate that is
/// (numerically) collinear with the earlier columns within the arm gets slope 0, so every re-randomisation has a
/// well-defined statistic.
/// </summary>
internal static class ArmRegression
{
    private const double DropTolerance = 1e-10;

    /// <summary>Row-major [1, x₁ … x_p] per individual: the regressors of every arm's fit, laid out for one pass per row.</summary>
    public static double[] Regressors(double[][] centred, int n)
    {
        var p = centred.Length + 1;
        var z = new double[n * p];
        for (var i = 0; i < n; i++)
        {
            z[i * p] = 1;
            for (var j = 1; j < p; j++)
            {
                z[(i * p) + j] = centred[j - 1][i];
            }
        }

        return z;
    }

    /// <summary>Intercept and its HC2 variance (NaN when a row has leverage one).</summary>
    /// <param name="rows">The arm's individuals.</param>
    /// <param name="y">Outcomes of all individuals.</param>
    /// <param name="regressors">From <see cref="Regressors"/>.</param>
    /// <param name="p">Regressors per row (covariates + 1).</param>
    public static (double Intercept, double Hc2Variance) Fit(int[] rows, double[] y, double[] regressors, int p)
    {
        var gram = new double[p, p];
        var right = new double[p];
        foreach (var i in rows)
        {
            var row = regressors.AsSpan(i * p, p);
            for (var a = 0; a < p; a++)
            {
                var za = row[a];
                right[a] += za * y[i];
                for (var b = 0; b <= a; b++)
                {
                    gram[a, b] += za * row[b];
                }
            }
        }

        // Cholesky in column order, dropping columns whose residual diagonal vanishes; L is stored in the lower triangle.
        var kept = new bool[p];
        var l = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            var d = gram[j, j];
            for (var m = 0; m < j; m++)
            {
                d -= l[j, m] * l[j, m];
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
                for (var m = 0; m < j; m++)
                {
                    s -= l[i, m] * l[j, m];
                }

                l[i, j] = s / l[j, j];
            }
        }

        // L⁻¹ on the kept columns (zero rows and columns elsewhere, i.e. slope 0 for a dropped covariate).
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
                for (var m = j; m < i; m++)
                {
                    s += l[i, m] * inverseL[m, j];
                }

                inverseL[i, j] = -s / l[i, i];
            }
        }

        // β = M·r and, per row, h = ‖L⁻¹z‖² and (Mz)₀ = Σ_m (L⁻¹)_{m0}(L⁻¹z)_m, since M = L⁻ᵀL⁻¹.
        var beta = new double[p];
        var half = Lower(inverseL, right, p);
        for (var a = 0; a < p; a++)
        {
            for (var m = a; m < p; m++)
            {
                beta[a] += inverseL[m, a] * half[m];
            }
        }

        var variance = 0.0;
        foreach (var i in rows)
        {
            var z = regressors.AsSpan(i * p, p);
            double fitted = 0, leverage = 0, first = 0;
            for (var m = 0; m < p; m++)
            {
                fitted += beta[m] * z[m];
                var sum = 0.0;
                for (var j = 0; j <= m; j++)
                {
                    sum += inverseL[m, j] * z[j];
                }

                leverage += sum * sum;
                first += inverseL[m, 0] * sum;
            }

            if (1 - leverage < 1e-10)
            {
                return (beta[0], double.NaN);
            }

            var e = y[i] - fitted;
            variance += e * e / (1 - leverage) * first * first;
        }

        return (beta[0], variance);
    }

    private static double[] Lower(double[,] lower, double[] v, int p)
    {
        var result = new double[p];
        for (var m = 0; m < p; m++)
        {
            for (var j = 0; j <= m; j++)
            {
                result[m] += lower[m, j] * v[j];
            }
        }

        return result;
    }
}
