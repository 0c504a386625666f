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
/// working model Φ = I; without weights Q_g = I − H_gg). A cluster is adjusted through its own rows
/// (<see cref="ClusterBlock"/>: its adjusted rows A_gD_gX_gF are kept, the memory of the design) without weights, and
/// with weights when it has at most 2k rows, as the reports' caseworker clusters do. Q_g is the identity plus a term in
/// the span of Z_g = [X_g, D_gX_g], so a larger weighted cluster is adjusted from its k × k cross products
/// X_g'D_g^pX_g (p = 0, 1, 2) and residual sums, never from an n_g × n_g matrix: it costs O(n_g k² + k³). That route
/// needs a basis of span(Z_g), which loses accuracy where D_gX_g nearly lies in span(X_g) (weights nearly constant
/// within the cluster: up to 10⁻⁷ of a standard error, against 10⁻¹¹ through the rows). Where Q_g is singular (e.g. a
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

    // Per cluster its rows, and where it was adjusted through its own rows (always without weights; with weights when it
    // has at most 2k rows) its block, whose rows weighted by the scores sum to the half-meat.
    private readonly int[][] _members;
    private readonly double[]?[] _blocks;

    // Weighted, for the clusters without a block: what turns [F'X_g'e_g; F'X_g'D_ge_g] into the adjustment of the
    // half-meat (null: none). Null when every cluster has a block.
    private readonly Adjustment?[]? _adjustment;

    private BellMcCaffrey(SandwichDesign design, int[] clusters, int clusterCount, int[][] members, double[]?[] blocks, Adjustment?[]? adjustment, double[] degreesOfFreedom, IReadOnlyList<int> tested)
    {
        _design = design;
        _clusters = clusters;
        _clusterCount = clusterCount;
        _factor = design.BreadFactor;
        _members = members;
        _blocks = blocks;
        _adjustment = adjustment;
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
        var members = Members(clusters, clusterCount);
        var sums = ClusterSums.Accumulate(design, members);
        var omega = f.TransposeThisAndMultiply(sums.Aggregate(Matrix<double>.Build.Dense(k, k), (acc, s) => acc + s.XtD2X)) * f;
        var omegaArray = omega.ToArray();

        // Contrast j in F coordinates is ã_j = F'e_j, row j of F.
        var contrasts = degreesOfFreedomFor.Select(j => f.Row(j)).ToArray();
        var contrastArrays = contrasts.Select(c => c.ToArray()).ToArray();
        var pieces = contrasts.Select(_ => new ContrastPieces(k, clusterCount)).ToArray();

        // A cluster of at most 2k rows through its own n_g × n_g Q_g (never larger than the 2k × 2k route's matrices, and
        // accurate where the weights barely vary within the cluster, where the 2k × 2k route's basis of [X_g, D_gX_g]
        // is not: see WeightedCr2RankTests); a larger one from its cross products.
        var blocks = new double[]?[clusterCount];
        var adjustment = new Adjustment?[clusterCount];
        Parallel.For(0, clusterCount, g =>
        {
            if (members[g].Length <= 2 * k)
            {
                blocks[g] = Block(design, members[g], omegaArray, contrastArrays, pieces, g);
            }
            else
            {
                adjustment[g] = Adjust(sums[g], f, omega, contrasts, pieces, g);
            }
        });

        var df = new double[k];
        Array.Fill(df, double.NaN);
        Parallel.For(0, contrasts.Length, q => df[degreesOfFreedomFor[q]] = pieces[q].DegreesOfFreedom(omegaArray));
        return new BellMcCaffrey(design, clusters, clusterCount, members, blocks, blocks.Contains(null) ? adjustment : null, df, degreesOfFreedomFor);
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
        var blocks = new double[]?[clusterCount];
        var contrasts = degreesOfFreedomFor.Select(j => f.Row(j).ToArray()).ToArray();
        var pieces = contrasts.Select(_ => new ContrastPieces(k, clusterCount)).ToArray();
        Parallel.For(0, clusterCount, g => blocks[g] = Block(design, members[g], null, contrasts, pieces, g));

        // Ω̃ = F'X'XF, the identity up to rounding, taken as computed.
        var omega = f.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfArray(CrossProduct.TransposeSelf(design.Columns))) * f;
        var df = new double[k];
        Array.Fill(df, double.NaN);
        var omegaArray = omega.ToArray();
        Parallel.For(0, contrasts.Length, q => df[degreesOfFreedomFor[q]] = pieces[q].DegreesOfFreedom(omegaArray));
        return new BellMcCaffrey(design, clusters, clusterCount, members, blocks, null, df, degreesOfFreedomFor);
    }

    /// <summary>Cluster g's block (see <see cref="ClusterBlock"/>), with its contrast pieces stored.</summary>
    private static double[] Block(SandwichDesign design, int[] rows, double[,]? omega, double[][] contrasts, ContrastPieces[] pieces, int g)
    {
        var (block, parts) = ClusterBlock.Of(design, rows, omega, contrasts, EigenTolerance);
        for (var q = 0; q < parts.Length; q++)
        {
            pieces[q].Set(g, parts[q].C, parts[q].T, parts[q].D);
        }

        return block;
    }

    /// <summary>The CR2 covariance of the coefficients for the (√w-scaled) residuals <paramref name="scores"/>.</summary>
    /// <remarks>
    /// One pass over the clusters on plain arrays for the half-meats h_g (rows of H), then the meat H'H and F·meat·F': a
    /// fit costs O(nk + Gk²) arithmetic and a few G × k arrays, where per-cluster vector and matrix objects cost more in
    /// allocation than in arithmetic (at 3,400 clusters, over 300 MB per fit).
    /// </remarks>
    public double[,] Covariance(double[] scores)
    {
        var k = _design.ColumnCount;
        var halves = _adjustment is null ? new double[_clusterCount * k] : AdjustedHalfMeats(scores);
        for (var g = 0; g < _clusterCount; g++)
        {
            if (_blocks[g] is not { } block)
            {
                continue;
            }

            // B_g'e_g; a weighted design's blocks take the √w-scaled scores as they come.
            var rows = _members[g];
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

        return SmallMatrix.Congruence(_factor, SmallMatrix.TransposeSelf(halves, _clusterCount, k));
    }

    /// <summary>The half-meats of a weighted design's clusters without a block, from their adjustments, G × k row-major.</summary>
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
            if (_blocks[g] is not null)
            {
                continue;
            }

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
                pieces[q].Set(g, (s1 * a).ToArray(), (s2 * a).ToArray(), a.DotProduct(s2 * a));
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
            pieces[q].Set(g, ((s1 * a) + (xu * scaled)).ToArray(), ((s2 * a) + (du * scaled)).ToArray(), a.DotProduct(s2 * a) + inverse.PointwiseMultiply(projected).DotProduct(projected));
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

    /// <summary>One contrast's c̃_g, t̃_g (columns of k × G row-major arrays) and d_g over the clusters.</summary>
    private sealed class ContrastPieces(int k, int clusterCount)
    {
        private readonly double[] _c = new double[k * clusterCount];
        private readonly double[] _t = new double[k * clusterCount];
        private readonly double[] _d = new double[clusterCount];

        // Each cluster writes its own column, so clusters may be set in parallel.
        public void Set(int g, double[] c, double[] t, double d)
        {
            for (var j = 0; j < c.Length; j++)
            {
                _c[(j * clusterCount) + g] = c[j];
                _t[(j * clusterCount) + g] = t[j];
            }

            _d[g] = d;
        }

        // (tr B)²/tr(B²) with B = diag(d) + W'ΨW, W's column g = [t̃_g; c̃_g], Ψ = [[0, −I], [−I, Ω̃]]; tr((W'ΨW)²) is
        // taken as ‖W'ΨW‖²_F (G × G) or tr((ΨWW')²) (2k × 2k), whichever is smaller. On plain arrays: at thousands
        // of clusters MathNet's products of these 2k × G matrices cost more than the clusters' adjustments.
        public double DegreesOfFreedom(double[,] omega)
        {
            var g = clusterCount;
            var w = new double[2 * k][];
            var psiW = new double[2 * k][];
            for (var j = 0; j < k; j++)
            {
                w[j] = _t.AsSpan(j * g, g).ToArray();
                w[k + j] = _c.AsSpan(j * g, g).ToArray();
                psiW[j] = _c.AsSpan(j * g, g).ToArray();
                foreach (ref var value in psiW[j].AsSpan())
                {
                    value = -value;
                }

                var row = new double[g];
                for (var l = 0; l < k; l++)
                {
                    SpanArithmetic.Axpy(omega[j, l], _c.AsSpan(l * g, g), row);
                }

                SpanArithmetic.Axpy(-1, _t.AsSpan(j * g, g), row);
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
