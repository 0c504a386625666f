using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// CR2 (Bell–McCaffrey) variance with Satterthwaite degrees of freedom per coefficient, as estimatr's
/// <c>lm_robust(se_type = "CR2")</c> (which follows clubSandwich), weighted or not.
/// </summary>
/// <remarks>
/// With weights D = diag(w), M = (X'DX)⁻¹ and H = XMX'D, the cluster-g residuals are premultiplied by
/// A_g = Q_g^(-1/2) with Q_g = [(I − H)(I − H)']_gg = I − H_gg − H_gg' + X_gΩX_g', Ω = MX'D²XM (estimatr's
/// working model Φ = I; without weights Q_g = I − H_gg). Q_g is the identity plus a term in the span of
/// Z_g = [X_g, D_gX_g], so with weights everything is computed from the per-cluster k × k cross products
/// X_g'D_g^pX_g (p = 0, 1, 2) and residual sums, never from an n_g × n_g matrix: large clusters cost O(n_g k²). Without
/// weights the adjusted rows A_gX_gF are kept instead (the memory of the design), from the eigen-decomposition of the
/// smaller of X̃_gX̃_g' and X̃_g'X̃_g, about a third of the work and a fifth of the allocation of the general way at the
/// reports' designs (k ≈ 50, clusters of about 30). Where Q_g is singular (e.g. a
/// dummy nested in the cluster) its Moore–Penrose inverse square root is used, as estimatr does. Coefficient j's
/// degrees of freedom are (tr B)²/tr(B²) with B_gh = G_g'G_h, G_g = (I − H)_{·g}'A_gD_gX_gMe_j; writing
/// u_g = A_gD_gX_gMe_j, c_g = X_g'u_g, t_g = X_g'D_gu_g, B = diag(‖u_g‖²) − T'MC − C'MT + C'ΩC, whose traces need
/// only G × G or 2k × 2k products. All of it is evaluated in the coordinates of F (M = FF'), where X'DX is the
/// identity, so nearly collinear designs do not lose accuracy through the large entries of M.
/// <para>
/// Everything except the residual sums depends on the design only (X, weights, clusters), the degrees of freedom
/// included: <see cref="Prepare"/> does that work once, and <see cref="Covariance"/> then costs O(nk + Gk²) per outcome
/// (one design, many outcomes). Degrees of freedom are computed only for the coefficients asked for, since each costs
/// O(Gk²) and callers usually test a few treatment contrasts of a design with many covariate columns.
/// </para>
/// <para>Immutable once prepared, so one instance may serve any number of threads at once.</para>
/// </remarks>
internal sealed class BellMcCaffrey
{
    /// <summary>Eigenvalues of Q_g and pivots of the cross products below this (relative) size count as zero, as in estimatr.</summary>
    private const double EigenTolerance = 1e-12;

    private readonly SandwichDesign _design;
    private readonly int[] _clusters;
    private readonly double[,] _factor;

    private readonly int _clusterCount;

    // Weighted: per cluster, what turns [F'X_g'e_g; F'X_g'D_ge_g] into the adjustment of the half-meat (null: none).
    private readonly Adjustment?[]? _adjustment;

    // Unweighted: per cluster its rows and A_gX_gF (n_g × k, row-major), whose rows weighted by the residuals sum to the half-meat.
    private readonly int[][]? _members;
    private readonly double[][]? _adjusted;

    private BellMcCaffrey(SandwichDesign design, int[] clusters, int clusterCount, Adjustment?[]? adjustment, (int[][] Members, double[][] Blocks)? adjusted, double[] degreesOfFreedom, IReadOnlyList<int> tested)
    {
        _design = design;
        _clusters = clusters;
        _clusterCount = clusterCount;
        _factor = design.BreadFactor;
        _adjustment = adjustment;
        _members = adjusted?.Members;
        _adjusted = adjusted?.Blocks;
        DegreesOfFreedom = degreesOfFreedom;
        Untested = Enumerable.Range(0, degreesOfFreedom.Length).Except(tested).ToHashSet();
    }

    /// <summary>The Satterthwaite degrees of freedom per coefficient; NaN for the coefficients not asked for.</summary>
    public IReadOnlyList<double> DegreesOfFreedom { get; }

    /// <summary>The coefficients whose degrees of freedom were not asked for.</summary>
    public IReadOnlySet<int> Untested { get; }

    /// <summary>Does the design's share of the work: the per-cluster adjustment matrices and the degrees of freedom of <paramref name="degreesOfFreedomFor"/>.</summary>
    /// <param name="design">The design (its columns, bread factor and weights).</param>
    /// <param name="clusters">Dense cluster code per row.</param>
    /// <param name="clusterCount">The number of clusters G.</param>
    /// <param name="degreesOfFreedomFor">The coefficient indices whose degrees of freedom are needed.</param>
    public static BellMcCaffrey Prepare(SandwichDesign design, int[] clusters, int clusterCount, IReadOnlyList<int> degreesOfFreedomFor)
    {
        if (design.Weights is null)
        {
            return PrepareUnweighted(design, clusters, clusterCount, degreesOfFreedomFor);
        }

        var k = design.ColumnCount;
        var f = Matrix<double>.Build.DenseOfArray(design.BreadFactor);
        var sums = ClusterSums.Accumulate(design, Members(clusters, clusterCount));
        var omega = f.TransposeThisAndMultiply(sums.Aggregate(Matrix<double>.Build.Dense(k, k), (acc, s) => acc + s.XtD2X)) * f;

        // Contrast j in F coordinates is ã_j = F'e_j, row j of F.
        var contrasts = degreesOfFreedomFor.Select(j => f.Row(j)).ToArray();
        var pieces = contrasts.Select(_ => new ContrastPieces(k, clusterCount)).ToArray();
        var adjustment = new Adjustment?[clusterCount];
        Parallel.For(0, clusterCount, g => adjustment[g] = Adjust(sums[g], f, omega, contrasts, pieces, g));

        var df = new double[k];
        Array.Fill(df, double.NaN);
        Parallel.For(0, contrasts.Length, q => df[degreesOfFreedomFor[q]] = pieces[q].DegreesOfFreedom(omega));
        return new BellMcCaffrey(design, clusters, clusterCount, adjustment, null, df, degreesOfFreedomFor);
    }

    /// <summary>
    /// Without weights Q_g = I − X̃_gX̃_g' (X̃ = XF, X̃'X̃ = I), and everything follows from B_g = A_gX̃_g: the half-meat
    /// is B_g'e_g, and for contrast ã_j, u_g = B_gã_j. B_g comes from the eigen-decomposition of the smaller of
    /// X̃_gX̃_g' (n_g × n_g, A_g directly) and X̃_g'X̃_g (k × k, where A_gX̃_g = X̃_g(I − X̃_g'X̃_g)^(-1/2) on its range),
    /// so a cluster costs O(n_g k min(n_g, k) + min(n_g, k)³) and B takes the memory of the design.
    /// </summary>
    private static BellMcCaffrey PrepareUnweighted(SandwichDesign design, int[] clusters, int clusterCount, IReadOnlyList<int> degreesOfFreedomFor)
    {
        var k = design.ColumnCount;
        var f = Matrix<double>.Build.DenseOfArray(design.BreadFactor);
        var members = Members(clusters, clusterCount);
        var blocks = new double[clusterCount][];
        var contrasts = degreesOfFreedomFor.Select(j => f.Row(j)).ToArray();
        var pieces = contrasts.Select(_ => new ContrastPieces(k, clusterCount)).ToArray();
        Parallel.For(0, clusterCount, g => blocks[g] = AdjustUnweighted(design, members[g], contrasts, pieces, g));

        // Ω̃ = F'X'XF, the identity up to rounding, taken as computed.
        var omega = f.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfArray(CrossProduct.TransposeSelf(design.Columns))) * f;
        var df = new double[k];
        Array.Fill(df, double.NaN);
        Parallel.For(0, contrasts.Length, q => df[degreesOfFreedomFor[q]] = pieces[q].DegreesOfFreedom(omega));
        return new BellMcCaffrey(design, clusters, clusterCount, null, (members, blocks), df, degreesOfFreedomFor);
    }

    /// <summary>Cluster g's A_gX̃_g (n_g × k, row-major), and its contrast pieces.</summary>
    private static double[] AdjustUnweighted(SandwichDesign design, int[] rows, Vector<double>[] contrasts, ContrastPieces[] pieces, int g)
    {
        var k = design.ColumnCount;
        var m = rows.Length;
        var f = design.BreadFactor;
        var build = Matrix<double>.Build;

        // X̃_g = X_gF, column-major.
        var values = new double[m * k];
        var row = new double[k];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < k; l++)
            {
                row[l] = design.Columns[l][rows[i]];
            }

            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var l = 0; l < k; l++)
                {
                    sum += row[l] * f[l, j];
                }

                values[(j * m) + i] = sum;
            }
        }

        var xt = build.Dense(m, k, values);
        Matrix<double> b;
        if (m <= k)
        {
            // A_g = W diag((1 − μ)^(-1/2)) W' from X̃_gX̃_g' = W diag(μ) W' (Moore–Penrose where 1 − μ vanishes).
            var evd = xt.TransposeAndMultiply(xt).Evd(Symmetricity.Symmetric);
            var w = evd.EigenVectors;
            var mu = evd.EigenValues.Real();
            b = w * ScaleRows(w.TransposeThisAndMultiply(xt), mu);
        }
        else
        {
            // A_gX̃_g = X̃_g(I + V diag(ρ) V') from X̃_g'X̃_g = V diag(λ) V', ρ = (1 − λ)^(-1/2) − 1.
            var evd = xt.TransposeThisAndMultiply(xt).Evd(Symmetricity.Symmetric);
            var v = evd.EigenVectors;
            b = xt + ((xt * v) * ScaleRows(v.Transpose(), evd.EigenValues.Real(), shift: -1));
        }

        for (var q = 0; q < contrasts.Length; q++)
        {
            var u = b * contrasts[q];
            var c = xt.TransposeThisAndMultiply(u);
            pieces[q].Set(g, c, c, u.DotProduct(u));
        }

        return b.ToRowMajorArray();
    }

    /// <summary>diag((1 − e)^(-1/2) + shift) · <paramref name="a"/> for the eigenvalues e, in place.</summary>
    private static Matrix<double> ScaleRows(Matrix<double> a, Vector<double> eigenvalues, double shift = 0)
    {
        for (var i = 0; i < a.RowCount; i++)
        {
            var factor = InverseRoot(1 - eigenvalues[i]) + shift;
            for (var j = 0; j < a.ColumnCount; j++)
            {
                a[i, j] *= factor;
            }
        }

        return a;
    }

    /// <summary>(1 − μ)^(-1/2) for an eigenvalue 1 − μ of Q_g; 0 where it vanishes (the Moore–Penrose inverse square root).</summary>
    private static double InverseRoot(double eigenvalue) => eigenvalue > EigenTolerance ? 1 / Math.Sqrt(eigenvalue) : 0;

    /// <summary>The CR2 covariance of the coefficients for the (√w-scaled) residuals <paramref name="scores"/>.</summary>
    /// <remarks>
    /// One pass over the clusters on plain arrays for the half-meats h_g (rows of H), then the meat H'H and F·meat·F': a
    /// fit costs O(nk + Gk²) arithmetic and a few G × k arrays, where per-cluster vector and matrix objects cost more in
    /// allocation than in arithmetic (at 3,400 clusters, over 300 MB per fit).
    /// </remarks>
    public double[,] Covariance(double[] scores)
    {
        var halves = _adjusted is null ? AdjustedHalfMeats(scores) : UnweightedHalfMeats(scores);
        return SmallMatrix.Congruence(_factor, SmallMatrix.TransposeSelf(halves, _clusterCount, _design.ColumnCount));
    }

    /// <summary>The half-meats B_g'e_g of an unweighted design, G × k row-major.</summary>
    private double[] UnweightedHalfMeats(double[] scores)
    {
        var k = _design.ColumnCount;
        var halves = new double[_clusterCount * k];
        for (var g = 0; g < _clusterCount; g++)
        {
            var rows = _members![g];
            var block = _adjusted![g];
            var half = halves.AsSpan(g * k, k);
            for (var i = 0; i < rows.Length; i++)
            {
                var e = scores[rows[i]];
                var line = block.AsSpan(i * k, k);
                for (var j = 0; j < k; j++)
                {
                    half[j] += e * line[j];
                }
            }
        }

        return halves;
    }

    /// <summary>The half-meats of a weighted design from its clusters' adjustments, G × k row-major.</summary>
    private double[] AdjustedHalfMeats(double[] scores)
    {
        var k = _design.ColumnCount;
        var clusterCount = _clusterCount;
        var adjustment = _adjustment!;
        var (xte, xtde) = ClusterSums.Residuals(_design, scores, _clusters, clusterCount);

        // Row g of E_p·F is r̃_p = F'X_g'D_g^pe_g for every cluster at once.
        var r0 = TimesFactor(xte, clusterCount);
        var r1 = TimesFactor(xtde, clusterCount);
        var halves = new double[clusterCount * k];
        for (var g = 0; g < clusterCount; g++)
        {
            var offset = g * k;
            var half = halves.AsSpan(offset, k);
            r1.AsSpan(offset, k).CopyTo(half);
            if (adjustment[g] is { } a)
            {
                // half += du·(root ∘ rotation'[r̃₀; r̃₁])
                var rank = a.Root.Length;
                for (var i = 0; i < rank; i++)
                {
                    var projected = 0.0;
                    for (var l = 0; l < k; l++)
                    {
                        projected += a.Rotation[l, i] * r0[offset + l];
                    }

                    for (var l = 0; l < k; l++)
                    {
                        projected += a.Rotation[k + l, i] * r1[offset + l];
                    }

                    var scaled = a.Root[i] * projected;
                    for (var j = 0; j < k; j++)
                    {
                        half[j] += a.Du[j, i] * scaled;
                    }
                }
            }
        }

        return halves;
    }

    /// <summary>E·F for a G × k row-major <paramref name="sums"/>, row-major.</summary>
    private double[] TimesFactor(double[] sums, int clusterCount)
    {
        var k = _design.ColumnCount;
        var result = new double[sums.Length];
        for (var g = 0; g < clusterCount; g++)
        {
            var offset = g * k;
            for (var l = 0; l < k; l++)
            {
                var e = sums[offset + l];
                if (e == 0)
                {
                    continue;
                }

                for (var j = 0; j < k; j++)
                {
                    result[offset + j] += e * _factor[l, j];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// One cluster's share: the half-meat F'X_g'D_gA_ge_g = r̃₁ + du·(root ∘ rotation'[r̃₀; r̃₁]) (r̃_p = F'X_g'D_g^pe_g), and for
    /// every contrast ã_j asked for c̃ = F'X_g'u_g, t̃ = F'X_g'D_gu_g and d = ‖u_g‖² with u_g = A_gD_gX_gFã_j, stored
    /// into column g of <paramref name="pieces"/>.
    /// </summary>
    private static Adjustment? Adjust(ClusterSums s, Matrix<double> f, Matrix<double> omega, Vector<double>[] contrasts, ContrastPieces[] pieces, int g)
    {
        var k = f.RowCount;
        var build = Matrix<double>.Build;

        // Basis of span(Z_g) in the coordinates Z̃ = [X_gF, D_gX_gF], where Q_g = I + Z̃ C̃ Z̃' with C̃ = [[Ω̃, −I], [−I, 0]].
        var s0 = f.TransposeThisAndMultiply(s.XtX) * f;
        var s1 = f.TransposeThisAndMultiply(s.XtDX) * f;
        var s2 = f.TransposeThisAndMultiply(s.XtD2X) * f;
        var gram = build.Dense(2 * k, 2 * k);
        gram.SetSubMatrix(0, 0, s0);
        gram.SetSubMatrix(0, k, s1);
        gram.SetSubMatrix(k, 0, s1.Transpose());
        gram.SetSubMatrix(k, k, s2);

        // Rank-revealing G = Z̃'Z̃ = LL' (L is 2k × r, r the rank of Z_g, small when X_g has few free columns, e.g.
        // under fixed effects); then Z̃ = UL' with the orthonormal U = Z̃L(L'L)⁻¹ and Q_g = I + U K U', K = L'C̃L.
        var l = PivotedCholesky(gram);
        if (l.ColumnCount == 0)
        {
            for (var q = 0; q < contrasts.Length; q++)
            {
                var a = contrasts[q];
                pieces[q].Set(g, s1 * a, s2 * a, a.DotProduct(s2 * a));
            }

            return null;
        }

        var core = build.Dense(2 * k, 2 * k);
        core.SetSubMatrix(0, 0, omega);
        core.SetSubMatrix(0, k, -build.DenseIdentity(k));
        core.SetSubMatrix(k, 0, -build.DenseIdentity(k));
        var coreEvd = (l.TransposeThisAndMultiply(core) * l).Evd(Symmetricity.Symmetric);
        var rotation = l * l.TransposeThisAndMultiply(l).Inverse() * coreEvd.EigenVectors;
        var lambda = coreEvd.EigenValues.Real();
        var rank = l.ColumnCount;
        var root = Vector<double>.Build.Dense(rank, i => 1 + lambda[i] > EigenTolerance ? (1 / Math.Sqrt(1 + lambda[i])) - 1 : -1);
        var inverse = Vector<double>.Build.Dense(rank, i => 1 + lambda[i] > EigenTolerance ? (1 / (1 + lambda[i])) - 1 : -1);

        // F'X_g'(UV) and F'X_g'D_g(UV), with UV = Z̃ · rotation; A_g − I = UV diag(root) (UV)'.
        var xu = s0.Append(s1) * rotation;
        var du = s1.Append(s2) * rotation;
        for (var q = 0; q < contrasts.Length; q++)
        {
            var a = contrasts[q];
            var projected = du.TransposeThisAndMultiply(a);
            var scaled = root.PointwiseMultiply(projected);
            pieces[q].Set(g, (s1 * a) + (xu * scaled), (s2 * a) + (du * scaled), a.DotProduct(s2 * a) + inverse.PointwiseMultiply(projected).DotProduct(projected));
        }

        return new Adjustment(du.ToArray(), root.ToArray(), rotation.ToArray());
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

    /// <summary>A cluster's F'X_g'D_g(UV) (k × r), the diagonal of A_g − I in that basis, and the rotation from [X_gF, D_gX_gF] to UV (2k × r).</summary>
    private sealed record Adjustment(double[,] Du, double[] Root, double[,] Rotation);

    /// <summary>One contrast's c̃_g, t̃_g (columns of k × G matrices) and d_g over the clusters.</summary>
    private sealed class ContrastPieces(int k, int clusterCount)
    {
        private readonly Matrix<double> _c = Matrix<double>.Build.Dense(k, clusterCount);
        private readonly Matrix<double> _t = Matrix<double>.Build.Dense(k, clusterCount);
        private readonly double[] _d = new double[clusterCount];

        // Each cluster writes its own column, so clusters may be set in parallel.
        public void Set(int g, Vector<double> c, Vector<double> t, double d)
        {
            _c.SetColumn(g, c);
            _t.SetColumn(g, t);
            _d[g] = d;
        }

        // (tr B)²/tr(B²) with B = diag(d) + W'ΨW, W's column g = [t̃_g; c̃_g], Ψ = [[0, −I], [−I, Ω̃]]; tr((W'ΨW)²) is
        // taken as ‖W'ΨW‖²_F (G × G) or tr((ΨWW')²) (2k × 2k), whichever is smaller.
        public double DegreesOfFreedom(Matrix<double> omega)
        {
            var g = _d.Length;
            var k = omega.RowCount;
            var w = _t.Stack(_c);
            var psiW = (-_c).Stack((omega * _c) - _t);
            double trace = 0, sumD2 = 0, sumDL = 0;
            for (var col = 0; col < g; col++)
            {
                var diagonal = w.Column(col).DotProduct(psiW.Column(col));
                trace += _d[col] + diagonal;
                sumD2 += _d[col] * _d[col];
                sumDL += _d[col] * diagonal;
            }

            double squares;
            if (g <= 2 * k)
            {
                squares = w.TransposeThisAndMultiply(psiW).FrobeniusNorm();
                squares *= squares;
            }
            else
            {
                var product = psiW.TransposeAndMultiply(w);
                squares = product.PointwiseMultiply(product.Transpose()).Enumerate().Sum();
            }

            return trace * trace / (sumD2 + (2 * sumDL) + squares);
        }
    }

    /// <summary>
    /// L (n × r, original row order) with A = LL' for a positive semi-definite A, stopping when the largest remaining
    /// diagonal falls below <see cref="EigenTolerance"/> × max(1, largest diagonal of A).
    /// </summary>
    private static Matrix<double> PivotedCholesky(Matrix<double> a)
    {
        // On a plain row-major copy: the same operations in the same order as through the matrix indexer, without its cost.
        var n = a.RowCount;
        var residual = a.ToRowArrays();
        var columns = new List<double[]>();
        var cutoff = EigenTolerance * Math.Max(1.0, a.Diagonal().Maximum());
        while (columns.Count < n)
        {
            var pivot = 0;
            for (var i = 1; i < n; i++)
            {
                if (residual[i][i] > residual[pivot][pivot])
                {
                    pivot = i;
                }
            }

            var d = residual[pivot][pivot];
            if (d <= cutoff)
            {
                break;
            }

            var column = new double[n];
            var root = Math.Sqrt(d);
            for (var i = 0; i < n; i++)
            {
                column[i] = residual[i][pivot] / root;
            }

            for (var i = 0; i < n; i++)
            {
                var row = residual[i];
                var ci = column[i];
                for (var j = 0; j < n; j++)
                {
                    row[j] -= ci * column[j];
                }
            }

            columns.Add(column);
        }

        return Matrix<double>.Build.Dense(n, columns.Count, (i, j) => columns[j][i]);
    }
}
