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

    /// <summary>Intercept and its HC2 variance (NaN when a row has leverage one).</summary>
    public static (double Intercept, double Hc2Variance) Fit(int[] rows, double[] y, double[][] centred)
    {
        var p = centred.Length + 1;
        double Z(int i, int j) => j == 0 ? 1.0 : centred[j - 1][i];

        var gram = new double[p, p];
        var right = new double[p];
        foreach (var i in rows)
        {
            for (var a = 0; a < p; a++)
            {
                var za = Z(i, a);
                right[a] += za * y[i];
                for (var b = 0; b <= a; b++)
                {
                    gram[a, b] += za * Z(i, b);
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

        // M = (Z'Z)⁻¹ on the kept columns (zero rows/columns elsewhere) from L⁻¹.
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

        var inverse = new double[p, p];
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                var s = 0.0;
                for (var m = Math.Max(a, b); m < p; m++)
                {
                    s += inverseL[m, a] * inverseL[m, b];
                }

                inverse[a, b] = s;
            }
        }

        var beta = new double[p];
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                beta[a] += inverse[a, b] * right[b];
            }
        }

        var variance = 0.0;
        var z = new double[p];
        foreach (var i in rows)
        {
            var fitted = 0.0;
            for (var a = 0; a < p; a++)
            {
                z[a] = Z(i, a);
                fitted += beta[a] * z[a];
            }

            double leverage = 0, first = 0;
            for (var a = 0; a < p; a++)
            {
                var mz = 0.0;
                for (var b = 0; b < p; b++)
                {
                    mz += inverse[a, b] * z[b];
                }

                leverage += z[a] * mz;
                if (a == 0)
                {
                    first = mz;
                }
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
}
