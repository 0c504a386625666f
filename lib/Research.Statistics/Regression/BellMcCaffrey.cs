using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>
/// CR2 (Bell–McCaffrey) variance with Satterthwaite degrees of freedom per coefficient, as estimatr's
/// <c>lm_robust(se_type = "CR2")</c> (which follows clubSandwich), weighted or not.
/// </summary>
/// <remarks>
/// With weights D = diag(w), M = (X'DX)⁻¹ and H = XMX'D, the cluster-g residuals are premultiplied by
/// A_g = Q_g^(-1/2) with Q_g = [(I − H)(I − H)']_gg = I − H_gg − H_gg' + X_gΩX_g', Ω = MX'D²XM (estimatr's
/// working model Φ = I; without weights Q_g = I − H_gg). Each cluster is adjusted through its own rows
/// (<see cref="ClusterBlock"/>: n_g × n_g, or k × k without weights, or through an orthonormal basis of [X_g, D_gX_g]
/// with weights, whichever is smaller); of its adjusted rows A_gD_gX_gF only their products with the tested coefficients'
/// rows of F are kept (n·t values for the design, where the rows themselves would be n·k). Where Q_g is singular (e.g. a
/// dummy nested in the cluster) its Moore–Penrose inverse square root is used, as estimatr does. Coefficient j's
/// degrees of freedom are (tr B)²/tr(B²) with B_gh = G_g'G_h, G_g = (I − H)_{·g}'A_gD_gX_gMe_j; writing
/// u_g = A_gD_gX_gMe_j, c_g = X_g'u_g, t_g = X_g'D_gu_g, B = diag(‖u_g‖²) − T'MC − C'MT + C'ΩC, whose traces need
/// only G × G or 2k × 2k products. All of it is evaluated in the coordinates of F (M = FF'), where X'DX is the
/// identity, so nearly collinear designs do not lose accuracy through the large entries of M.
/// <para>
/// Everything except the residual sums depends on the design only (X, weights, clusters), the degrees of freedom
/// included: <see cref="Prepare"/> does that work once, and <see cref="Covariance"/> then costs O(nt + Gt²) per outcome
/// for t tested coefficients (one design, many outcomes). Variances and degrees of freedom are computed only for the
/// coefficients asked for, since callers usually test a few treatment contrasts of a design with many covariate
/// columns (a degree of freedom costs O(Gk²) on its own).
/// </para>
/// <para>Immutable once prepared, so one instance may serve any number of threads at once.</para>
/// </remarks>
internal sealed class BellMcCaffrey
{
    /// <summary>Eigenvalues of Q_g at or below this count as zero (its Moore–Penrose inverse square root), as in estimatr.</summary>
    private const double EigenTolerance = 1e-12;

    private readonly int _clusterCount;
    private readonly int[] _tested;

    // Per cluster its rows and, per row i and tested coefficient s, (A_gD_gX_gF)ᵢ·F'eₛ over √wᵢ (n_g × t, row-major):
    // weighted by the scores and summed over the cluster's rows, coefficient s's share of the cluster's half-meat.
    private readonly int[][] _members;
    private readonly double[][] _projections;

    private BellMcCaffrey(int clusterCount, int[][] members, double[][] projections, double[] degreesOfFreedom, int[] tested)
    {
        _clusterCount = clusterCount;
        _members = members;
        _projections = projections;
        _tested = tested;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>The Satterthwaite degrees of freedom per coefficient; NaN for the coefficients not asked for.</summary>
    public IReadOnlyList<double> DegreesOfFreedom { get; }

    /// <summary>Does the design's share of the work: the per-cluster adjustment matrices and the degrees of freedom of <paramref name="tested"/>.</summary>
    /// <param name="design">The design (its columns, bread factor and weights).</param>
    /// <param name="clusters">Dense cluster code per row.</param>
    /// <param name="clusterCount">The number of clusters G.</param>
    /// <param name="tested">The coefficient indices whose variances and degrees of freedom are needed, distinct.</param>
    public static BellMcCaffrey Prepare(SandwichDesign design, int[] clusters, int clusterCount, IReadOnlyList<int> tested)
    {
        var k = design.ColumnCount;
        var f = Matrix<double>.Build.DenseOfArray(design.BreadFactor);
        var members = Members(clusters, clusterCount);

        // Ω̃ = F'X'D²XF (X'D²X from the √w-scaled columns); without weights F'X'XF, the identity up to rounding, taken as
        // computed (the unweighted blocks use Q_g = I − X̃_gX̃_g').
        var crossProduct = design.Weights is { } weights ? CrossProduct.TransposeWeightedSelf(design.Columns, weights) : CrossProduct.TransposeSelf(design.Columns);
        var omega = (f.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfArray(crossProduct)) * f).ToArray();

        // Contrast j in F coordinates is ã_j = F'e_j, row j of F.
        var contrasts = tested.Select(j => f.Row(j).ToArray()).ToArray();
        var pieces = contrasts.Select(_ => new ContrastPieces(k, clusterCount)).ToArray();
        var projections = new double[clusterCount][];
        var transformed = ClusterBlock.Transform(design);
        // A cluster's block costs about n_g·k² (and n_g² per row or n_g³ when n_g is near k): n·k² in all, roughly.
        var rows = (long)clusters.Length;
        SizedParallel.For(clusterCount, rows * k * k, g => projections[g] = Block(design, transformed, members[g], design.Weights is null ? null : omega, contrasts, pieces, g));

        var df = new double[k];
        Array.Fill(df, double.NaN);
        SizedParallel.For(contrasts.Length, (long)contrasts.Length * clusterCount * k * k, q => df[tested[q]] = design.Weights is null ? pieces[q].UnweightedDegreesOfFreedom(omega) : pieces[q].DegreesOfFreedom(omega));
        return new BellMcCaffrey(clusterCount, members, projections, df, [.. tested]);
    }

    /// <summary>Cluster g's projections (see <see cref="ClusterBlock"/>), with its contrast pieces stored.</summary>
    private static double[] Block(SandwichDesign design, double[] transformed, int[] rows, double[,]? omega, double[][] contrasts, ContrastPieces[] pieces, int g)
    {
        var (projections, parts) = ClusterBlock.Of(design, transformed, rows, omega, contrasts, EigenTolerance);
        for (var q = 0; q < parts.Length; q++)
        {
            pieces[q].Set(g, parts[q].C, parts[q].T, parts[q].D);
        }

        return projections;
    }

    /// <summary>
    /// The CR2 covariance of the tested coefficients for the (√w-scaled) residuals <paramref name="scores"/>, t × t in
    /// the order they were given to <see cref="Prepare"/>.
    /// </summary>
    /// <remarks>
    /// One pass over the clusters on plain arrays for each cluster's half-meat in the tested coefficients' coordinates,
    /// v_gs = Σᵢ sᵢ(A_gD_gX_gF)ᵢ·F'eₛ (rows of V, G × t), then V'V: a fit costs O(nt + Gt²) arithmetic and one G × t
    /// array, where per-cluster vector and matrix objects cost more in allocation than in arithmetic (at 3,400 clusters,
    /// over 300 MB per fit).
    /// </remarks>
    public double[,] Covariance(double[] scores)
    {
        var t = _tested.Length;
        var halves = new double[_clusterCount * t];
        for (var g = 0; g < _clusterCount; g++)
        {
            var rows = _members[g];
            var projections = _projections[g];
            var half = halves.AsSpan(g * t, t);
            for (var i = 0; i < rows.Length; i++)
            {
                // Every product is added, a zero score's too, so a non-finite entry reaches the covariance.
                SpanArithmetic.AddScaled(scores[rows[i]], projections.AsSpan(i * t, t), half);
            }
        }

        return SmallMatrix.TransposeSelf(halves, _clusterCount, t);
    }

    private static int[][] Members(int[] clusters, int clusterCount)
    {
        var sizes = new int[clusterCount];
        foreach (var c in clusters)
        {
            sizes[c]++;
        }

        var members = sizes.Select(size => new int[size]).ToArray();
        var filled = new int[clusterCount];
        for (var i = 0; i < clusters.Length; i++)
        {
            members[clusters[i]][filled[clusters[i]]++] = i;
        }

        return members;
    }

    /// <summary>One contrast's c̃_g, t̃_g (columns of k × G matrices, one array per row) and d_g over the clusters.</summary>
    private sealed class ContrastPieces(int k, int clusterCount)
    {
        private readonly double[][] _c = Enumerable.Range(0, k).Select(_ => new double[clusterCount]).ToArray();
        private readonly double[][] _t = Enumerable.Range(0, k).Select(_ => new double[clusterCount]).ToArray();
        private readonly double[] _d = new double[clusterCount];

        // Each cluster writes its own column, so clusters may be set in parallel.
        public void Set(int g, double[] c, double[] t, double d)
        {
            for (var j = 0; j < c.Length; j++)
            {
                _c[j][g] = c[j];
                _t[j][g] = t[j];
            }

            _d[g] = d;
        }

        // Without weights t̃_g = c̃_g, so W'ΨW = C'PC with P = Ω̃ − 2I (C the k × G matrix of the c̃_g), and with S = CC'
        // and S_d = C diag(d) C' (k × k): tr B = Σd + tr(PS), tr(B²) = Σd² + 2 tr(PS_d) + tr((PS)²). Two symmetric
        // k × k products over the clusters (k²G) instead of ΨW and the 2k × 2k product (5k²G).
        public double UnweightedDegreesOfFreedom(double[,] omega)
        {
            var g = clusterCount;
            var weighted = new double[k][];
            for (var a = 0; a < k; a++)
            {
                weighted[a] = new double[g];
                for (var col = 0; col < g; col++)
                {
                    weighted[a][col] = _d[col] * _c[a][col];
                }
            }

            var s = new double[k, k];
            var sd = new double[k, k];
            for (var a = 0; a < k; a++)
            {
                for (var b = a; b < k; b++)
                {
                    s[a, b] = s[b, a] = SpanArithmetic.Dot(_c[a], _c[b]);
                    sd[a, b] = sd[b, a] = SpanArithmetic.Dot(weighted[a], _c[b]);
                }
            }

            // PS and the diagonal of PS_d, P = Ω̃ − 2I.
            var ps = new double[k, k];
            double trace = 0, sumD2 = 0, sumDL = 0, squares = 0;
            for (var a = 0; a < k; a++)
            {
                var productD = 0.0;
                for (var b = 0; b < k; b++)
                {
                    var product = 0.0;
                    for (var l = 0; l < k; l++)
                    {
                        var p = omega[a, l] - (a == l ? 2 : 0);
                        product += p * s[l, b];
                        if (b == a)
                        {
                            productD += p * sd[l, a];
                        }
                    }

                    ps[a, b] = product;
                }

                trace += ps[a, a];
                sumDL += productD;
            }

            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < k; b++)
                {
                    squares += ps[a, b] * ps[b, a];
                }
            }

            foreach (var d in _d)
            {
                trace += d;
                sumD2 += d * d;
            }

            return trace * trace / (sumD2 + (2 * sumDL) + squares);
        }

        // (tr B)²/tr(B²) with B = diag(d) + W'ΨW, W's column g = [t̃_g; c̃_g], Ψ = [[0, −I], [−I, Ω̃]]; tr((W'ΨW)²) is
        // taken as ‖W'ΨW‖²_F (G × G) or tr((ΨWW')²) (2k × 2k), whichever is smaller. On plain arrays: at thousands
        // of clusters MathNet's products of these 2k × G matrices cost more than the clusters' adjustments.
        public double DegreesOfFreedom(double[,] omega)
        {
            var g = clusterCount;
            var w = _t.Concat(_c).ToArray();
            var psiW = new double[2 * k][];
            for (var j = 0; j < k; j++)
            {
                psiW[j] = _c[j].Select(value => -value).ToArray();
                var row = new double[g];
                for (var l = 0; l < k; l++)
                {
                    SpanArithmetic.Axpy(omega[j, l], _c[l], row);
                }

                SpanArithmetic.Axpy(-1, _t[j], row);
                psiW[k + j] = row;
            }

            double trace = 0, sumD2 = 0, sumDL = 0;
            for (var col = 0; col < g; col++)
            {
                var diagonal = 0.0;
                for (var a = 0; a < 2 * k; a++)
                {
                    diagonal += w[a][col] * psiW[a][col];
                }

                trace += _d[col] + diagonal;
                sumD2 += _d[col] * _d[col];
                sumDL += _d[col] * diagonal;
            }

            var squares = 0.0;
            if (g <= 2 * k)
            {
                var wt = Transpose(w, g);
                var psiWt = Transpose(psiW, g);
                for (var a = 0; a < g; a++)
                {
                    for (var b = 0; b < g; b++)
                    {
                        var entry = SpanArithmetic.Dot(wt[a], psiWt[b]);
                        squares += entry * entry;
                    }
                }
            }
            else
            {
                var product = new double[2 * k, 2 * k];
                for (var a = 0; a < 2 * k; a++)
                {
                    for (var b = 0; b < 2 * k; b++)
                    {
                        product[a, b] = SpanArithmetic.Dot(psiW[a], w[b]);
                    }
                }

                for (var a = 0; a < 2 * k; a++)
                {
                    for (var b = 0; b < 2 * k; b++)
                    {
                        squares += product[a, b] * product[b, a];
                    }
                }
            }

            return trace * trace / (sumD2 + (2 * sumDL) + squares);
        }

        private static double[][] Transpose(double[][] rows, int columns)
        {
            var result = new double[columns][];
            for (var c = 0; c < columns; c++)
            {
                result[c] = new double[rows.Length];
                for (var r = 0; r < rows.Length; r++)
                {
                    result[c][r] = rows[r][c];
                }
            }

            return result;
        }
    }
}
