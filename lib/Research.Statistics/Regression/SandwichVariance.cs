using System.Globalization;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>Classical, HC0–HC3 and CR0–CR2 coefficient covariances from a <see cref="SandwichInput"/>.</summary>
internal static class SandwichVariance
{
    /// <summary>Below this many clusters a note recommends CR2 over CR0/CR1 (Cameron &amp; Miller's rule of thumb is 30–50).</summary>
    private const int FewClusters = 30;

    public static VarianceResult Compute(SandwichInput input, VarianceType type, int[]? clusters, int clusterCount)
    {
        var n = input.RowCount;
        var k = input.ColumnCount;
        var notes = new List<string>();
        var residualDf = input.NormalReference ? double.PositiveInfinity : n - k;
        if (type == VarianceType.Classical)
        {
            return new VarianceResult(SmallMatrix.Scale(input.Bread, input.ClassicalScale), Fill(k, residualDf), residualDf, notes);
        }

        if (clusters is null)
        {
            var meat = type switch
            {
                VarianceType.HC0 or VarianceType.HC1 => CrossProduct.TransposeWeightedSelf(input.Columns, Square(input.Scores)),
                VarianceType.HC2 or VarianceType.HC3 => LeverageAdjustedMeat(input, type),
                _ => throw new ArgumentException($"{type} needs cluster ids.", nameof(type)),
            };
            var factor = type == VarianceType.HC1 ? (double)n / (n - k) : 1.0;
            return new VarianceResult(SmallMatrix.Scale(SmallMatrix.Sandwich(input.Bread, meat), factor), Fill(k, residualDf), residualDf, notes);
        }

        var sizes = new int[clusterCount];
        foreach (var c in clusters)
        {
            sizes[c]++;
        }

        var singletons = sizes.Count(size => size == 1);
        if (singletons > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{singletons} of {clusterCount} clusters are singletons; they contribute like heteroskedasticity-robust terms."));
        }

        if (clusterCount < FewClusters && type is VarianceType.CR0 or VarianceType.CR1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only {clusterCount} clusters: {type} tests tend to over-reject with few clusters; CR2 with Bell-McCaffrey df is the safer choice."));
        }

        var clusterDf = input.NormalReference ? double.PositiveInfinity : clusterCount - 1;
        if (type == VarianceType.CR2)
        {
            if (input.NormalReference)
            {
                throw new NotSupportedException("CR2 is implemented for linear models (OLS, 2SLS) only; use CR0 or CR1 for logit/probit.");
            }

            var cr2 = BellMcCaffrey.Compute(input, clusters, clusterCount);
            return new VarianceResult(cr2.Covariance, cr2.DegreesOfFreedom, clusterDf, notes);
        }

        var sums = ClusterScoreSums(input, clusters, clusterCount);
        var clusterMeat = SmallMatrix.TransposeSelf(sums, clusterCount, k);
        var adjust = type == VarianceType.CR1 ? clusterCount / (clusterCount - 1.0) * (n - 1.0) / (n - k) : 1.0;
        return new VarianceResult(SmallMatrix.Scale(SmallMatrix.Sandwich(input.Bread, clusterMeat), adjust), Fill(k, clusterDf), clusterDf, notes);
    }

    /// <summary>Σ over the rows of each cluster of xᵢsᵢ, as a G × k row-major array; one pass per column.</summary>
    private static double[] ClusterScoreSums(SandwichInput input, int[] clusters, int g)
    {
        var k = input.ColumnCount;
        var s = input.Scores;

        // Each column accumulates into its own array so parallel columns never share cache lines.
        var perColumn = new double[k][];
        Parallel.For(0, k, j =>
        {
            var x = input.Columns[j];
            var sums = new double[g];
            for (var i = 0; i < s.Length; i++)
            {
                sums[clusters[i]] += x[i] * s[i];
            }

            perColumn[j] = sums;
        });
        var result = new double[g * k];
        for (var j = 0; j < k; j++)
        {
            for (var c = 0; c < g; c++)
            {
                result[(c * k) + j] = perColumn[j][c];
            }
        }

        return result;
    }

    private static double[,] LeverageAdjustedMeat(SandwichInput input, VarianceType type)
    {
        var h = Leverage.Compute(input.Columns, input.BreadFactor);
        if (input.LeverageWeights is { } v)
        {
            for (var i = 0; i < h.Length; i++)
            {
                h[i] *= v[i];
            }
        }

        var weights = new double[h.Length];
        for (var i = 0; i < h.Length; i++)
        {
            var oneMinus = 1 - h[i];
            if (oneMinus < 1e-10)
            {
                throw new DegenerateModelException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Row {i} (after missing-value handling) has leverage 1, so {type} is undefined; it is typically the only observation of a dummy level (e.g. a fixed effect). Use HC1 or drop that level."));
            }

            var s2 = input.Scores[i] * input.Scores[i];
            weights[i] = type == VarianceType.HC2 ? s2 / oneMinus : s2 / (oneMinus * oneMinus);
        }

        return CrossProduct.TransposeWeightedSelf(input.Columns, weights);
    }

    private static double[] Square(double[] values) => values.Select(v => v * v).ToArray();

    private static double[] Fill(int k, double value) => Enumerable.Repeat(value, k).ToArray();
}
