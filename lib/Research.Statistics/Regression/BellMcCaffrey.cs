using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// CR2 (Bell–McCaffrey) variance with Satterthwaite degrees of freedom per coefficient, as estimatr's
/// <c>lm_robust(se_type = "CR2")</c> (which follows clubSandwich), weighted or not.
/// </summary>
/// <remarks>
/// With weights D = diag(w), M = (X'DX)⁻¹ and H = XMX'D, the cluster-g residuals are premultiplied by
/// A_g = Q_g^(-1/2) with Q_g = [(I − H)(I − H)']_gg = I − H_gg − H_gg' + X_gΩX_g', Ω = MX'D²XM (estimatr's
/// working model Φ = I; without weights Q_g = I − H_gg). Q_g is the identity plus a term in the span of
/// Z_g = [X_g, D_gX_g], so everything is computed from the per-cluster k × k cross products X_g'D_g^pX_g (p = 0, 1, 2)
/// and residual sums, never from an n_g × n_g matrix: large clusters cost O(n_g k²). Where Q_g is singular (e.g. a
/// dummy nested in the cluster) its Moore–Penrose inverse square root is used, as estimatr does. Coefficient j's
/// degrees of freedom are (tr B)²/tr(B²) with B_gh = G_g'G_h, G_g = (I − H)_{·g}'A_gD_gX_gMe_j; writing
/// u_g = A_gD_gX_gMe_j, c_g = X_g'u_g, t_g = X_g'D_gu_g, B = diag(‖u_g‖²) − T'MC − C'MT + C'ΩC, whose traces need
/// only G × G or 2k × 2k products. All of it is evaluated in the coordinates of F (M = FF'), where X'DX is the
/// identity, so nearly collinear designs do not lose accuracy through the large entries of M.
/// </remarks>
internal static class BellMcCaffrey
{
    /// <summary>Eigenvalues of Q_g and pivots of the cross products below this (relative) size count as zero, as in estimatr.</summary>
    private const double EigenTolerance = 1e-12;

    public static (double[,] Covariance, double[] DegreesOfFreedom) Compute(SandwichInput input, int[] clusters, int clusterCount)
    {
        var k = input.ColumnCount;
        var f = Matrix<double>.Build.DenseOfArray(input.BreadFactor);
        var sums = ClusterSums.Accumulate(input, clusters, clusterCount);
        var omega = f.TransposeThisAndMultiply(sums.Aggregate(Matrix<double>.Build.Dense(k, k), (acc, s) => acc + s.XtD2X)) * f;

        var meat = Matrix<double>.Build.Dense(k, k);
        var adjusted = new AdjustedCluster[clusterCount];
        var contrasts = f.Transpose();
        Parallel.For(0, clusterCount, g => adjusted[g] = Adjust(sums[g], f, omega, contrasts));
        foreach (var cluster in adjusted)
        {
            meat += cluster.HalfMeat.OuterProduct(cluster.HalfMeat);
        }

        var covariance = (f * meat * f.Transpose()).ToArray();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                covariance[i, j] = covariance[j, i] = 0.5 * (covariance[i, j] + covariance[j, i]);
            }
        }

        var df = new double[k];
        Parallel.For(0, k, j => df[j] = DegreesOfFreedom(j, omega, adjusted));

        return (covariance, df);
    }

    /// <summary>
    /// One cluster's pieces in F coordinates, for all contrasts ã_j = F'e_j at once (column j): c̃ = F'X_g'u_g,
    /// t̃ = F'X_g'D_gu_g and d = ‖u_g‖² with u_g = A_gD_gX_gFã_j; and the half-meat F'X_g'D_gA_ge_g.
    /// </summary>
    private sealed record AdjustedCluster(Matrix<double> C, Matrix<double> T, Vector<double> D, Vector<double> HalfMeat);

    private static AdjustedCluster Adjust(ClusterSums s, Matrix<double> f, Matrix<double> omega, Matrix<double> contrasts)
    {
        var k = f.RowCount;
        var build = Matrix<double>.Build;

        // Basis of span(Z_g) in the coordinates Z̃ = [X_gF, D_gX_gF], where Q_g = I + Z̃ C̃ Z̃' with C̃ = [[Ω̃, −I], [−I, 0]].
        var s0 = f.TransposeThisAndMultiply(s.XtX) * f;
        var s1 = f.TransposeThisAndMultiply(s.XtDX) * f;
        var s2 = f.TransposeThisAndMultiply(s.XtD2X) * f;
        var r0 = f.TransposeThisAndMultiply(s.XtE);
        var r1 = f.TransposeThisAndMultiply(s.XtDE);
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
            return Contrasts(s1, s2, s2, r1, contrasts);
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

        // F'X_g'(UV), F'X_g'D_g(UV) and (UV)'e_g, with UV = Z̃ · rotation.
        var xu = s0.Append(s1) * rotation;
        var du = s1.Append(s2) * rotation;
        var eu = rotation.TransposeThisAndMultiply(Concat(r0, r1));
        return Contrasts(
            s1 + (xu * build.DenseOfDiagonalVector(root) * du.Transpose()),
            s2 + (du * build.DenseOfDiagonalVector(root) * du.Transpose()),
            s2 + (du * build.DenseOfDiagonalVector(inverse) * du.Transpose()),
            r1 + (du * root.PointwiseMultiply(eu)),
            contrasts);
    }

    // From F'X_g'A_gD_gX_gF, F'X_g'D_gA_gD_gX_gF and F'X_g'D_gA_g²D_gX_gF to c̃, t̃ and d of every contrast.
    private static AdjustedCluster Contrasts(Matrix<double> xAdx, Matrix<double> dxAdx, Matrix<double> dxAAdx, Vector<double> halfMeat, Matrix<double> contrasts) =>
        new(xAdx * contrasts, dxAdx * contrasts, contrasts.TransposeThisAndMultiply(dxAAdx * contrasts).Diagonal(), halfMeat);

    // (tr B)²/tr(B²) with B = diag(d) + W'ΨW, W's column g = [t̃_g; c̃_g], Ψ = [[0, −I], [−I, Ω̃]]; tr((W'ΨW)²) is
    // taken as ‖W'ΨW‖²_F (G × G) or tr((ΨWW')²) (2k × 2k), whichever is smaller.
    private static double DegreesOfFreedom(int j, Matrix<double> omega, AdjustedCluster[] clusters)
    {
        var g = clusters.Length;
        var k = omega.RowCount;
        var c = Matrix<double>.Build.Dense(k, g, (r, col) => clusters[col].C[r, j]);
        var t = Matrix<double>.Build.Dense(k, g, (r, col) => clusters[col].T[r, j]);
        var d = Vector<double>.Build.Dense(g, col => clusters[col].D[j]);
        var w = t.Stack(c);
        var psiW = (-c).Stack((omega * c) - t);
        double trace = 0, sumD2 = 0, sumDL = 0;
        for (var col = 0; col < g; col++)
        {
            var diagonal = w.Column(col).DotProduct(psiW.Column(col));
            trace += d[col] + diagonal;
            sumD2 += d[col] * d[col];
            sumDL += d[col] * diagonal;
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

    /// <summary>
    /// L (n × r, original row order) with A = LL' for a positive semi-definite A, stopping when the largest remaining
    /// diagonal falls below <see cref="EigenTolerance"/> × max(1, largest diagonal of A).
    /// </summary>
    private static Matrix<double> PivotedCholesky(Matrix<double> a)
    {
        var n = a.RowCount;
        var residual = a.Clone();
        var columns = new List<double[]>();
        var cutoff = EigenTolerance * Math.Max(1.0, a.Diagonal().Maximum());
        while (columns.Count < n)
        {
            var pivot = 0;
            for (var i = 1; i < n; i++)
            {
                if (residual[i, i] > residual[pivot, pivot])
                {
                    pivot = i;
                }
            }

            var d = residual[pivot, pivot];
            if (d <= cutoff)
            {
                break;
            }

            var column = new double[n];
            var root = Math.Sqrt(d);
            for (var i = 0; i < n; i++)
            {
                column[i] = residual[i, pivot] / root;
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    residual[i, j] -= column[i] * column[j];
                }
            }

            columns.Add(column);
        }

        return Matrix<double>.Build.Dense(n, columns.Count, (i, j) => columns[j][i]);
    }

    private static Vector<double> Concat(Vector<double> top, Vector<double> bottom) =>
        Vector<double>.Build.DenseOfEnumerable(top.Concat(bottom));
}
