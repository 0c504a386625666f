using System.Buffers;
using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// The least-squares core shared by OLS, 2SLS and the rank check of likelihood models: the R factor of the columns
/// centred against the intercept (when there is one) by CholeskyQR2, solutions in the original coordinates and
/// (X'X)⁻¹ = FF'.
/// </summary>
/// <remarks>
/// With c the intercept column and mⱼ = c'xⱼ/c'c, X = X_c S where S = I + e_p m' (p the intercept's index), so
/// b = S⁻¹b_c and (X'X)⁻¹ = S⁻¹(X_c'X_c)⁻¹S⁻ᵀ. Centring removes the ill-conditioning that covariates with large
/// means (age, income, years) cause. A rank-checked Cholesky of X_c'X_c = R₁'R₁ is followed by a second pass,
/// (X_cR₁⁻¹)'(X_cR₁⁻¹) = R₂'R₂, so R = R₂R₁ is as accurate as a Householder QR for condition numbers up to about
/// 1e8 (CholeskyQR2: Fukaya, Nakatsukasa et al.); that pass is skipped when the first factor's condition number is
/// below 1e6, where it would not change the result beyond 1e-10. One step of iterative refinement with residuals
/// computed from X then makes the coefficients as accurate as R's <c>lm</c>.
/// </remarks>
internal sealed class NormalEquations
{
    /// <summary>
    /// Below this 1-norm condition number of the unit-diagonal X_c'X_c one Cholesky pass already gives about 1e-10
    /// relative accuracy, and the second CholeskyQR2 pass over the data is skipped.
    /// </summary>
    private const double SinglePassCondition = 1e6;

    private readonly IReadOnlyList<double[]> _columns;
    private readonly double[,] _inverseFactor;
    private readonly Centering? _centering;
    private readonly int _intercept;

    private NormalEquations(IReadOnlyList<double[]> columns, double[,] inverseFactor, Centering? centering, int intercept)
    {
        _columns = columns;
        _inverseFactor = inverseFactor;
        _centering = centering;
        _intercept = intercept;
    }

    /// <summary>The index of the design's intercept column, or −1.</summary>
    public static int InterceptIndex(DesignMatrix design) =>
        design.Terms.FirstOrDefault(t => t.Kind == TermKind.Intercept)?.Columns[0] ?? -1;

    /// <summary>Factors X'X, throwing <see cref="DegenerateModelException"/> naming the dependent column if X lacks full column rank.</summary>
    public static NormalEquations Factor(IReadOnlyList<double[]> columns, IReadOnlyList<string> names, int rows, int intercept, string what = "design")
    {
        var k = columns.Count;
        if (rows <= k)
        {
            throw new DegenerateModelException(string.Create(
                CultureInfo.InvariantCulture, $"The {what} has {k} columns but only {rows} usable rows; at least {k + 1} are needed."));
        }

        Centering? centering = null;
        if (intercept >= 0)
        {
            var c = columns[intercept];
            var cc = CrossProduct.TransposeTimes([c], c)[0];
            var means = CrossProduct.TransposeTimes(columns, c).Select((v, j) => j == intercept ? 0 : v / cc).ToArray();
            centering = new Centering(c, means);
        }

        var cross = CrossProduct.TransposeSelf(columns, centering);
        if (centering is { } centred)
        {
            var squares = CrossProduct.TransposeTimes([centred.Column], centred.Column)[0];
            for (var j = 0; j < k; j++)
            {
                // A column whose centred square sum vanishes relative to its raw one is constant: blame the intercept.
                var raw = cross[j, j] + (centred.Means[j] * centred.Means[j] * squares);
                if (j != intercept && cross[j, j] <= CheckedCholesky.Tolerance * raw && raw > 0)
                {
                    throw new DegenerateModelException(
                        $"The {what} is rank deficient: column '{names[j]}' is constant in the rows used, i.e. a multiple of '{names[intercept]}'. Remove it.");
                }
            }
        }

        var first = CheckedCholesky.TryFactor(cross, out var dependency) ?? throw new DegenerateModelException(Describe(dependency!, names, what));
        var firstInverse = first.InverseFactor();
        if (ScaledConditionNumber(cross, first.Inverse()) < SinglePassCondition)
        {
            return new NormalEquations(columns, firstInverse, centering, intercept);
        }

        var second = CheckedCholesky.TryFactor(CrossProduct.TransposeSelf(columns, centering, firstInverse), out _)
            ?? throw new DegenerateModelException($"The {what} is too close to rank deficient to be solved accurately (condition number beyond about 1e8); remove nearly collinear columns.");
        return new NormalEquations(columns, SmallMatrix.Multiply(firstInverse, second.InverseFactor()), centering, intercept);
    }

    /// <summary>Least-squares coefficients of <paramref name="y"/> on the columns, with one refinement step.</summary>
    public double[] Solve(double[] y)
    {
        var centred = SolveCentred(CrossProduct.TransposeTimes(_columns, y, _centering));

        // The fitted values become the residuals in place, in a pooled buffer: a design fitted to hundreds of outcomes
        // would otherwise ask for two fresh arrays of n values per fit.
        var residuals = ArrayPool<double>.Shared.Rent(y.Length);
        try
        {
            CrossProduct.Times(_columns, Uncentre(centred), residuals);
            for (var i = 0; i < y.Length; i++)
            {
                residuals[i] = y[i] - residuals[i];
            }

            var correction = SolveCentred(CrossProduct.TransposeTimes(_columns, residuals, _centering));
            for (var j = 0; j < centred.Length; j++)
            {
                centred[j] += correction[j];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(residuals);
        }

        return Uncentre(centred);
    }

    /// <summary>F with (X'X)⁻¹ = FF'.</summary>
    public double[,] InverseFactor()
    {
        var f = (double[,])_inverseFactor.Clone();
        if (_centering is { } c)
        {
            var k = f.GetLength(0);
            for (var col = 0; col < k; col++)
            {
                var sum = 0.0;
                for (var j = 0; j < k; j++)
                {
                    sum += c.Means[j] * f[j, col];
                }

                f[_intercept, col] -= sum;
            }
        }

        return f;
    }

    /// <summary>(X'X)⁻¹.</summary>
    public double[,] Inverse()
    {
        var f = InverseFactor();
        return SmallMatrix.Multiply(f, SmallMatrix.Transpose(f));
    }

    // (X_c'X_c)⁻¹v = F(F'v).
    private double[] SolveCentred(double[] v)
    {
        var k = v.Length;
        var inner = new double[k];
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < k; i++)
            {
                inner[j] += _inverseFactor[i, j] * v[i];
            }
        }

        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                result[i] += _inverseFactor[i, j] * inner[j];
            }
        }

        return result;
    }

    private double[] Uncentre(double[] centred)
    {
        var b = (double[])centred.Clone();
        if (_centering is { } c)
        {
            for (var j = 0; j < b.Length; j++)
            {
                b[_intercept] -= c.Means[j] * centred[j];
            }
        }

        return b;
    }

    // κ₁ of D⁻¹AD⁻¹ (D = √diag A), the scaling under which the Cholesky factor is computed.
    private static double ScaledConditionNumber(double[,] a, double[,] inverse)
    {
        var k = a.GetLength(0);
        double normA = 0, normInverse = 0;
        for (var j = 0; j < k; j++)
        {
            double columnA = 0, columnInverse = 0;
            for (var i = 0; i < k; i++)
            {
                var scale = Math.Sqrt(a[i, i] * a[j, j]);
                columnA += Math.Abs(a[i, j]) / scale;
                columnInverse += Math.Abs(inverse[i, j]) * scale;
            }

            normA = Math.Max(normA, columnA);
            normInverse = Math.Max(normInverse, columnInverse);
        }

        return normA * normInverse;
    }

    private static string Describe(LinearDependency dependency, IReadOnlyList<string> names, string what)
    {
        var column = names[dependency.Column];
        if (dependency.Involved.Count == 0)
        {
            return $"The {what} is rank deficient: column '{column}' is all zero in the rows used (e.g. a level that never occurs). Remove it.";
        }

        var others = string.Join(", ", dependency.Involved.Select(p => $"'{names[p.Column]}'"));
        return $"The {what} is rank deficient: column '{column}' is (numerically) a linear combination of {others}. Remove '{column}' or one of those columns (e.g. a covariate constant within the fixed effects, or a dummy for every level together with the intercept).";
    }
}
