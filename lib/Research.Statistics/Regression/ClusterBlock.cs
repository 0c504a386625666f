using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>
/// CR2's adjustment of one cluster through its own rows (see <see cref="BellMcCaffrey"/> for the notation): the block
/// B_g (n_g × k) whose rows weighted by the (√w-scaled) residuals sum to the cluster's half-meat F'X_g'D_gA_ge_g, kept
/// as its products with the contrasts asked for, and the pieces of the degrees of freedom, with A_g = Q_g^(-1/2),
/// Moore–Penrose where an eigenvalue of Q_g vanishes (as estimatr).
/// </summary>
/// <remarks>
/// Three routes, by the smaller of the cluster's rows n_g and the columns it spans (k, or 2k with weights), all on plain
/// row-major arrays but for MathNet's decompositions:
/// <list type="bullet">
/// <item>n_g ≤ k (with weights n_g ≤ 2k): Q_g as an n_g × n_g matrix (without weights I − X̃_gX̃_g') and its symmetric
/// eigen-decomposition; without weights, where X̃_gX̃_g' is small, the binomial series of (I − X̃_gX̃_g')^(-1/2)
/// instead (<see cref="BinomialInverseRoot"/>);</item>
/// <item>without weights, n_g &gt; k: A_gX̃_g = X̃_g(I − X̃_g'X̃_g)^(-1/2) (k × k), by the same series where X̃_g'X̃_g
/// is small, else as X̃_g(I + V diag(ρ) V') from X̃_g'X̃_g = V diag(λ) V', ρ = (1 − λ)^(-1/2) − 1;</item>
/// <item>with weights, n_g &gt; 2k: Q_g = I + Z̃_gC̃Z̃_g' with Z̃_g = [X̃_g, D_gX̃_g], through the thin QR of Z̃_g
/// (<see cref="FromSpan"/>).</item>
/// </list>
/// A cluster costs O(n_gk·min(n_g, k) + min(n_g, k)³). The reports' caseworker clusters have about 30 persons, against
/// about 50 columns for the adjusted effects, and at national scale there are thousands of them, where MathNet's matrix
/// objects per cluster and the former weighted route (2k × 2k matrices from the cross products, O(k³) per cluster) took
/// most of a report's time.
/// </remarks>
internal static class ClusterBlock
{
    /// <summary>Rows per block of <see cref="Transform"/>: a block of X̃ at k = 65 (33 KB) stays in the first-level cache.</summary>
    private const int TransformBlockRows = 64;

    /// <summary>
    /// Cluster <paramref name="rows"/>' block times each contrast ã (n_g × t, row-major: row i is B_g's row i times the
    /// contrasts), and for each contrast the pieces c̃ = F'X_g'u, t̃ = F'X_g'D_gu and d = ‖u‖² of u = A_gD_gX_gFã.
    /// </summary>
    /// <param name="design">The design (√w-scaled columns when weighted).</param>
    /// <param name="transformed">X̃ = XF on the original scale, n × k row-major (<see cref="Transform"/>).</param>
    /// <param name="rows">The cluster's rows.</param>
    /// <param name="omega">Ω̃ = F'X'D²XF of a weighted design; null without weights.</param>
    /// <param name="contrasts">The contrasts ã in F coordinates.</param>
    /// <param name="tolerance">Eigenvalues of Q_g at or below this count as zero.</param>
    public static (double[] Projections, (double[] C, double[] T, double D)[] Pieces) Of(
        SandwichDesign design, double[] transformed, int[] rows, double[,]? omega, IReadOnlyList<double[]> contrasts, double tolerance)
    {
        var k = design.ColumnCount;
        var m = rows.Length;
        var (xt, w, scale) = Rows(design, transformed, rows);
        // U = A_gD_gX̃_g is only ever needed times a contrast, so the rows and columns routes keep the factor that makes
        // it (A_gD_g, m × m, or R with U = X̃_gR, k × k) and apply it to X̃_gã or Rã: t·(mk + m²) or t·(k² + mk)
        // products instead of forming U's m·k values at m²k or mk².
        var route = omega is null ? m <= k ? Route.Rows : Route.Columns : m <= 2 * k ? Route.Rows : Route.Span;
        var factor = route switch
        {
            Route.Rows => FromRows(xt, w, omega, m, k, tolerance),
            Route.Columns => FromColumns(xt, m, k, tolerance),
            _ => FromSpan(xt, w, omega!, m, k, tolerance),
        };
        var t = contrasts.Count;
        var pieces = new (double[] C, double[] T, double D)[t];
        var projections = new double[m * t];
        var uc = new double[m];
        for (var c = 0; c < t; c++)
        {
            Apply(route, factor, xt, contrasts[c], m, k, uc);
            var cc = new double[k];
            var tc = omega is null ? cc : new double[k];
            var d = 0.0;
            for (var i = 0; i < m; i++)
            {
                var ui = uc[i];
                SpanArithmetic.Axpy(ui, xt.AsSpan(i * k, k), cc);
                if (omega is not null)
                {
                    SpanArithmetic.Axpy(ui * w[i], xt.AsSpan(i * k, k), tc);
                }

                d += ui * ui;

                // The scores are √w-scaled: the block's row i is U's row over √wᵢ.
                projections[(i * t) + c] = ui / scale[i];
            }

            pieces[c] = (cc, tc, d);
        }

        return (projections, pieces);
    }

    /// <summary>How a cluster's U = A_gD_gX̃_g is represented (see <see cref="ClusterBlock"/>'s three routes).</summary>
    private enum Route
    {
        /// <summary>A_gD_g (m × m, row-major), U = A_gD_gX̃_g.</summary>
        Rows,

        /// <summary>R (k × k, row-major), U = X̃_gR.</summary>
        Columns,

        /// <summary>U itself (m × k, row-major).</summary>
        Span,
    }

    /// <summary>Writes Uã (m values) for the cluster's <paramref name="factor"/> of <paramref name="route"/>.</summary>
    private static void Apply(Route route, double[] factor, double[] xt, double[] contrast, int m, int k, double[] result)
    {
        switch (route)
        {
            case Route.Rows:
                {
                    // A_gD_g(X̃_gã).
                    Span<double> projected = stackalloc double[m];
                    RowProducts(xt, k, contrast, projected);
                    RowProducts(factor, m, projected, result);
                    break;
                }

            case Route.Columns:
                {
                    // X̃_g(Rã).
                    Span<double> rotated = stackalloc double[k];
                    RowProducts(factor, k, contrast, rotated);
                    RowProducts(xt, k, rotated, result);
                    break;
                }

            default:
                RowProducts(factor, k, contrast, result);
                break;
        }
    }

    /// <summary>Writes the products of the first rows of the row-major <paramref name="matrix"/> (rows of <paramref name="width"/>) with <paramref name="vector"/>, one per value of <paramref name="result"/>.</summary>
    private static void RowProducts(double[] matrix, int width, ReadOnlySpan<double> vector, Span<double> result)
    {
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = SpanArithmetic.Dot(matrix.AsSpan(r * width, width), vector);
        }
    }

    /// <summary>
    /// X̃ = XF on the original scale (the columns of a weighted design are √w-scaled), n × k row-major, computed in
    /// blocks of consecutive rows.
    /// </summary>
    /// <remarks>
    /// Computed for all rows at once because a cluster's rows are scattered: gathering them from the k columns costs a
    /// cache miss per row and column, which at national scale (clusters of 30 among 100,000 rows, 65 columns) took more
    /// time than the arithmetic. Row i is Σ_l (x_il/√wᵢ)·F_l·, summed in column order as before, so the result does not
    /// depend on the blocking.
    /// </remarks>
    public static double[] Transform(SandwichDesign design)
    {
        var k = design.ColumnCount;
        var n = design.RowCount;
        var f = design.BreadFactor;
        var weights = design.Weights;
        var xt = new double[(long)n * k];
        var blocks = (n + TransformBlockRows - 1) / TransformBlockRows;
        SizedParallel.For(blocks, (long)n * k * k, block =>
        {
            var start = block * TransformBlockRows;
            var end = Math.Min(n, start + TransformBlockRows);
            Span<double> scale = stackalloc double[TransformBlockRows];
            for (var r = start; r < end; r++)
            {
                scale[r - start] = weights is null ? 1 : Math.Sqrt(weights[r]);
            }

            for (var l = 0; l < k; l++)
            {
                var column = design.Columns[l];
                var line = Row(f, l, k);
                for (var r = start; r < end; r++)
                {
                    SpanArithmetic.Axpy(column[r] / scale[r - start], line, xt.AsSpan(r * k, k));
                }
            }
        });
        return xt;
    }

    /// <summary>The cluster's rows of X̃ (<see cref="Transform"/>), the rows' weights and their roots.</summary>
    private static (double[] Xt, double[] Weights, double[] Scale) Rows(SandwichDesign design, double[] transformed, int[] rows)
    {
        var k = design.ColumnCount;
        var weights = design.Weights;
        var xt = new double[rows.Length * k];
        var w = new double[rows.Length];
        var scale = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            w[i] = weights?[r] ?? 1;
            scale[i] = weights is null ? 1 : Math.Sqrt(w[i]);
            transformed.AsSpan(r * k, k).CopyTo(xt.AsSpan(i * k, k));
        }

        return (xt, w, scale);
    }

    /// <summary>
    /// A_gD_g with A_g = Q_g^(-1/2) (n_g × n_g, row-major; U = A_gD_gX̃_g): without weights by the binomial series in
    /// X̃_gX̃_g' where that is small, else from Q_g = V diag(λ) V' as A_g = V diag(λ^(-1/2)) V'.
    /// </summary>
    private static double[] FromRows(double[] xt, double[] w, double[,]? omega, int m, int k, double tolerance)
    {
        // With weights Q_g = I − PD − DP + X̃Ω̃X̃' (P = X̃X̃'), else I − P.
        double[]? xo = null;
        if (omega is not null)
        {
            xo = new double[m * k];
            for (var i = 0; i < m; i++)
            {
                for (var l = 0; l < k; l++)
                {
                    SpanArithmetic.Axpy(xt[(i * k) + l], Row(omega, l, k), xo.AsSpan(i * k, k));
                }
            }
        }

        var q = new double[m * m];
        var hat = omega is null ? new double[m * m] : null;
        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                var p = SpanArithmetic.Dot(xt.AsSpan(i * k, k), xt.AsSpan(j * k, k));
                if (hat is not null)
                {
                    hat[(i * m) + j] = hat[(j * m) + i] = p;
                }

                var value = xo is null ? -p : SpanArithmetic.Dot(xo.AsSpan(i * k, k), xt.AsSpan(j * k, k)) - (p * w[j]) - (w[i] * p);
                q[(i * m) + j] = q[(j * m) + i] = (i == j ? 1 : 0) + value;
            }
        }

        var a = (hat is null ? null : BinomialInverseRoot.TryCompute(hat, m)) ?? InverseRoot(q, m, tolerance);

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                a[(i * m) + j] *= w[j];
            }
        }

        return a;
    }

    /// <summary>Q^(-1/2) of the symmetric m × m <paramref name="q"/> by its eigen-decomposition, Moore–Penrose where an eigenvalue vanishes.</summary>
    private static double[] InverseRoot(double[] q, int m, double tolerance)
    {
        var evd = Matrix<double>.Build.Dense(m, m, q).Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors.ToColumnMajorArray();
        var a = new double[m * m];
        for (var t = 0; t < m; t++)
        {
            var lambda = evd.EigenValues[t].Real;
            var root = lambda > tolerance ? 1 / Math.Sqrt(lambda) : 0;
            var column = vectors.AsSpan(t * m, m);
            for (var i = 0; i < m; i++)
            {
                SpanArithmetic.Axpy(root * column[i], column, a.AsSpan(i * m, m));
            }
        }

        return a;
    }

    /// <summary>
    /// R = (I − X̃_g'X̃_g)^(-1/2) (k × k, row-major), with A_gX̃_g = X̃_gR: by the binomial series where X̃_g'X̃_g is
    /// small, else as I + V diag(ρ) V' from X̃_g'X̃_g = V diag(λ) V'.
    /// </summary>
    private static double[] FromColumns(double[] xt, int m, int k, double tolerance)
    {
        var gram = new double[k * k];
        for (var i = 0; i < m; i++)
        {
            var line = xt.AsSpan(i * k, k);
            for (var a = 0; a < k; a++)
            {
                SpanArithmetic.Axpy(line[a], line, gram.AsSpan(a * k, k));
            }
        }

        return BinomialInverseRoot.TryCompute(gram, k) ?? ColumnRoot(gram, k, tolerance);
    }

    /// <summary>(I − G)^(-1/2) = I + V diag(ρ) V' from G = V diag(λ) V', ρ = (1 − λ)^(-1/2) − 1 (−1 where 1 − λ vanishes).</summary>
    private static double[] ColumnRoot(double[] gram, int k, double tolerance)
    {
        var evd = Matrix<double>.Build.Dense(k, k, gram).Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors.ToColumnMajorArray();
        var r = new double[k * k];
        for (var t = 0; t < k; t++)
        {
            var remaining = 1 - evd.EigenValues[t].Real;
            var rho = (remaining > tolerance ? 1 / Math.Sqrt(remaining) : 0) - 1;
            var column = vectors.AsSpan(t * k, k);
            for (var a = 0; a < k; a++)
            {
                SpanArithmetic.Axpy(rho * column[a], column, r.AsSpan(a * k, k));
            }
        }

        for (var a = 0; a < k; a++)
        {
            r[(a * k) + a] += 1;
        }

        return r;
    }

    /// <summary>
    /// U = A_gD_gX̃_g of a weighted cluster with more than 2k rows, from an orthonormal basis of span(Z̃_g),
    /// Z̃_g = [X̃_g, D_gX̃_g]: with the thin QR Z̃_g = QR, Q_g = I + Q(RC̃R')Q', C̃ = [[Ω̃, −I], [−I, 0]], and with
    /// RC̃R' = W diag(λ) W', A_g = I + QW diag(ρ) (QW)', ρ = (1 + λ)^(-1/2) − 1 (−1 where 1 + λ vanishes).
    /// </summary>
    /// <remarks>
    /// Householder's Q is orthonormal whatever the rank of Z̃_g, so no rank has to be decided: a direction Z̃_g lacks
    /// has a zero row in R and leaves A_g alone. A basis built from the cross products instead (Z̃_g = UL', U = Z̃_gL(L'L)⁻¹
    /// from a pivoted Cholesky of Z̃_g'Z̃_g) loses up to 10⁻⁷ of a standard error where D_gX̃_g nearly lies in
    /// span(X̃_g), weights that barely vary within the cluster (see WeightedCr2RankTests).
    /// </remarks>
    private static double[] FromSpan(double[] xt, double[] w, double[,] omega, int m, int k, double tolerance)
    {
        var z = Matrix<double>.Build.Dense(m, 2 * k, (i, j) => j < k ? xt[(i * k) + j] : w[i] * xt[(i * k) + j - k]);
        var qr = z.QR(QRMethod.Thin);
        var core = Matrix<double>.Build.Dense(2 * k, 2 * k, (a, b) => a < k && b < k ? omega[a, b] : a == b + k || b == a + k ? -1 : 0);
        var evd = (qr.R * core).TransposeAndMultiply(qr.R).Evd(Symmetricity.Symmetric);
        var basis = (qr.Q * evd.EigenVectors).ToRowMajorArray();
        var rho = new double[2 * k];
        for (var t = 0; t < 2 * k; t++)
        {
            var shifted = 1 + evd.EigenValues[t].Real;
            rho[t] = (shifted > tolerance ? 1 / Math.Sqrt(shifted) : 0) - 1;
        }

        // U = D_gX̃_g + QW diag(ρ) (QW)'D_gX̃_g.
        var u = new double[m * k];
        var projected = new double[2 * k * k];
        for (var i = 0; i < m; i++)
        {
            var row = u.AsSpan(i * k, k);
            SpanArithmetic.Axpy(w[i], xt.AsSpan(i * k, k), row);
            for (var t = 0; t < 2 * k; t++)
            {
                SpanArithmetic.Axpy(basis[(i * 2 * k) + t], row, projected.AsSpan(t * k, k));
            }
        }

        for (var t = 0; t < 2 * k; t++)
        {
            foreach (ref var value in projected.AsSpan(t * k, k))
            {
                value *= rho[t];
            }
        }

        for (var i = 0; i < m; i++)
        {
            var row = u.AsSpan(i * k, k);
            for (var t = 0; t < 2 * k; t++)
            {
                SpanArithmetic.Axpy(basis[(i * 2 * k) + t], projected.AsSpan(t * k, k), row);
            }
        }

        return u;
    }

    private static ReadOnlySpan<double> Row(double[,] matrix, int row, int columns) =>
        MemoryMarshal.CreateReadOnlySpan(ref matrix[row, 0], columns);
}
