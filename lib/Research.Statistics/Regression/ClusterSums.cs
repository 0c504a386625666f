using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// Per-cluster cross products of a weighted design on the original (unweighted) scale, X_g'D_g^pX_g for p = 0, 1, 2
/// (D = diag(weights)), from the √w-scaled rows x*ᵢ = √wᵢxᵢ. They depend on the design only; the residual sums
/// X_g'D_g^pe_g (p = 0, 1) come from <see cref="Residuals"/> per outcome. (Unweighted CR2 needs neither: see
/// <see cref="BellMcCaffrey"/>.)
/// </summary>
internal sealed record ClusterSums(Matrix<double> XtX, Matrix<double> XtDX, Matrix<double> XtD2X)
{
    public static ClusterSums[] Accumulate(SandwichDesign design, int[][] members)
    {
        var result = new ClusterSums[members.Length];
        Parallel.For(0, members.Length, g => result[g] = Sum(design, members[g]));
        return result;
    }

    /// <summary>
    /// X_g'e_g and X_g'D_ge_g of every cluster from the √w-scaled residuals e*ᵢ = √wᵢeᵢ, as G × k row-major arrays.
    /// </summary>
    public static (double[] XtE, double[] XtDE) Residuals(SandwichDesign design, double[] scores, int[] clusters, int clusterCount)
    {
        var k = design.ColumnCount;
        var weights = design.Weights!;
        var xtde = new double[clusterCount * k];
        var xte = new double[clusterCount * k];
        for (var j = 0; j < k; j++)
        {
            var x = design.Columns[j];
            for (var i = 0; i < scores.Length; i++)
            {
                var product = x[i] * scores[i];
                var at = (clusters[i] * k) + j;
                xtde[at] += product;

                // The scaled rows give X'De directly; X'e needs a division by w.
                xte[at] += product / weights[i];
            }
        }

        return (xte, xtde);
    }

    private static ClusterSums Sum(SandwichDesign design, int[] rows)
    {
        var k = design.ColumnCount;
        var weights = design.Weights!;
        var cross = new double[3, k, k];
        var row = new double[k];
        foreach (var i in rows)
        {
            for (var j = 0; j < k; j++)
            {
                row[j] = design.Columns[j][i];
            }

            for (var a = 0; a < k; a++)
            {
                var xa = row[a];
                for (var b = a; b < k; b++)
                {
                    cross[0, a, b] += xa * row[b];
                }
            }

            // The scaled rows give X'DX directly; X'X and X'D²X need a division and a product by w.
            var w = weights[i];
            for (var a = 0; a < k; a++)
            {
                for (var b = a; b < k; b++)
                {
                    var product = row[a] * row[b];
                    cross[1, a, b] += product / w;
                    cross[2, a, b] += product * w;
                }
            }
        }

        Matrix<double> Symmetric(int p) => Matrix<double>.Build.Dense(k, k, (a, b) => a <= b ? cross[p, a, b] : cross[p, b, a]);
        return new ClusterSums(Symmetric(1), Symmetric(0), Symmetric(2));
    }
}
