using MathNet.Numerics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>
/// Per-cluster cross products on the original (unweighted) scale, X_g'D_g^pX_g for p = 0, 1, 2 and X_g'D_g^pe_g for
/// p = 0, 1 (D = diag(weights)), from the √w-scaled rows x*ᵢ = √wᵢxᵢ, e*ᵢ = √wᵢeᵢ. Without weights the three cross
/// products (and the two sums) are one and the same object.
/// </summary>
internal sealed record ClusterSums(Matrix<double> XtX, Matrix<double> XtDX, Matrix<double> XtD2X, Vector<double> XtE, Vector<double> XtDE)
{
    public static ClusterSums[] Accumulate(SandwichInput input, int[] clusters, int clusterCount)
    {
        var members = RowsByCluster(clusters, clusterCount);
        var result = new ClusterSums[clusterCount];
        Parallel.For(0, clusterCount, g => result[g] = Sum(input, members[g]));
        return result;
    }

    private static ClusterSums Sum(SandwichInput input, int[] rows)
    {
        var k = input.ColumnCount;
        var weighted = input.Weights is not null;
        var cross = new double[weighted ? 3 : 1, k, k];
        var sums = new double[weighted ? 2 : 1, k];
        var row = new double[k];
        foreach (var i in rows)
        {
            for (var j = 0; j < k; j++)
            {
                row[j] = input.Columns[j][i];
            }

            var e = input.Scores[i];
            var w = input.Weights?[i] ?? 1.0;
            for (var a = 0; a < k; a++)
            {
                var xa = row[a];
                sums[0, a] += xa * e;
                for (var b = a; b < k; b++)
                {
                    cross[0, a, b] += xa * row[b];
                }
            }

            if (weighted)
            {
                // The scaled rows give X'DX and X'De directly; X'X and X'D²X need a division and a product by w.
                for (var a = 0; a < k; a++)
                {
                    sums[1, a] += row[a] * e / w;
                    for (var b = a; b < k; b++)
                    {
                        var product = row[a] * row[b];
                        cross[1, a, b] += product / w;
                        cross[2, a, b] += product * w;
                    }
                }
            }
        }

        Matrix<double> Symmetric(int p) => Matrix<double>.Build.Dense(k, k, (a, b) => a <= b ? cross[p, a, b] : cross[p, b, a]);
        Vector<double> Vector(int p) => Vector<double>.Build.Dense(k, a => sums[p, a]);
        if (!weighted)
        {
            var same = Symmetric(0);
            var sum = Vector(0);
            return new ClusterSums(same, same, same, sum, sum);
        }

        return new ClusterSums(Symmetric(1), Symmetric(0), Symmetric(2), Vector(1), Vector(0));
    }

    private static int[][] RowsByCluster(int[] clusters, int clusterCount)
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
}
