using System.Buffers;
using System.Globalization;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>
/// Classical, HC0–HC3 and CR0–CR2 coefficient covariances: prepared once per design (<see cref="SandwichDesign"/>,
/// variance type, clusters), then computed for the scores of any number of outcomes.
/// </summary>
/// <remarks>
/// Preparing does the work that depends on the design only: the hat values of HC2/HC3, and for CR2 the per-cluster
/// adjustment matrices and the Bell–McCaffrey degrees of freedom (<see cref="BellMcCaffrey"/>). Immutable once built,
/// so one instance may serve many threads at once.
/// </remarks>
internal sealed class SandwichVariance
{
    /// <summary>Below this many clusters a note recommends CR2 over CR0/CR1 (Cameron &amp; Miller's rule of thumb is 30–50).</summary>
    private const int FewClusters = 30;

    private readonly SandwichDesign _design;
    private readonly VarianceType _type;
    private readonly int[]? _clusters;
    private readonly int _clusterCount;
    private readonly IReadOnlyList<string> _notes;
    private readonly double[]? _leverage;
    private readonly BellMcCaffrey? _cr2;

    /// <summary>Prepares the variance of <paramref name="type"/> for <paramref name="design"/>.</summary>
    /// <param name="design">The design side.</param>
    /// <param name="type">The variance type.</param>
    /// <param name="clusters">Dense cluster code per row, or null.</param>
    /// <param name="clusterCount">The number of clusters.</param>
    /// <param name="degreesOfFreedomFor">The coefficients whose CR2 degrees of freedom are needed (null: all); the others get NaN.</param>
    public SandwichVariance(SandwichDesign design, VarianceType type, int[]? clusters, int clusterCount, IReadOnlyList<int>? degreesOfFreedomFor = null)
    {
        _design = design;
        _type = type;
        _clusters = clusters;
        _clusterCount = clusterCount;
        var notes = new List<string>();
        _notes = notes;
        if (type == VarianceType.Classical)
        {
            return;
        }

        if (clusters is null)
        {
            if (type is VarianceType.HC2 or VarianceType.HC3)
            {
                _leverage = Leverage.Compute(design.Columns, design.BreadFactor);
                if (design.LeverageWeights is { } v)
                {
                    for (var i = 0; i < _leverage.Length; i++)
                    {
                        _leverage[i] *= v[i];
                    }
                }
            }
            else if (type is not (VarianceType.HC0 or VarianceType.HC1))
            {
                throw new ArgumentException($"{type} needs cluster ids.", nameof(type));
            }

            return;
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

        if (type == VarianceType.CR2)
        {
            if (design.NormalReference)
            {
                throw new NotSupportedException("CR2 is implemented for linear models (OLS, 2SLS) only; use CR0 or CR1 for logit/probit.");
            }

            _cr2 = BellMcCaffrey.Prepare(design, clusters, clusterCount, degreesOfFreedomFor ?? Enumerable.Range(0, design.ColumnCount).ToArray());
        }
    }

    /// <summary>The covariance for one model in one step.</summary>
    public static VarianceResult Compute(SandwichInput input, VarianceType type, int[]? clusters, int clusterCount) =>
        new SandwichVariance(input.Design, type, clusters, clusterCount).Compute(input.Scores, input.ClassicalScale);

    /// <summary>The covariance for the score multipliers <paramref name="scores"/> (the √w-scaled residuals for least squares).</summary>
    /// <param name="scores">Score multiplier per row.</param>
    /// <param name="classicalScale">Factor of M for the classical variance (σ̂² for least squares, 1 for likelihood models).</param>
    public VarianceResult Compute(double[] scores, double classicalScale)
    {
        var n = _design.RowCount;
        var k = _design.ColumnCount;
        var residualDf = _design.NormalReference ? double.PositiveInfinity : n - k;
        if (_type == VarianceType.Classical)
        {
            return new VarianceResult(SmallMatrix.Scale(_design.Bread, classicalScale), Fill(k, residualDf), residualDf, _notes);
        }

        if (_clusters is null)
        {
            var meat = _type switch
            {
                VarianceType.HC0 or VarianceType.HC1 => CrossProduct.TransposeWeightedSelf(_design.Columns, Square(scores)),
                _ => LeverageAdjustedMeat(scores),
            };
            var factor = _type == VarianceType.HC1 ? (double)n / (n - k) : 1.0;
            return new VarianceResult(SmallMatrix.Scale(SmallMatrix.Sandwich(_design.Bread, meat), factor), Fill(k, residualDf), residualDf, _notes);
        }

        var clusterDf = _design.NormalReference ? double.PositiveInfinity : _clusterCount - 1;
        if (_cr2 is not null)
        {
            return new VarianceResult(_cr2.Covariance(scores), [.. _cr2.DegreesOfFreedom], clusterDf, _notes, _cr2.Untested.Count == 0 ? null : _cr2.Untested);
        }

        var sums = ClusterScoreSums(scores);
        var clusterMeat = SmallMatrix.TransposeSelf(sums, _clusterCount, k);
        var adjust = _type == VarianceType.CR1 ? _clusterCount / (_clusterCount - 1.0) * (n - 1.0) / (n - k) : 1.0;
        return new VarianceResult(SmallMatrix.Scale(SmallMatrix.Sandwich(_design.Bread, clusterMeat), adjust), Fill(k, clusterDf), clusterDf, _notes);
    }

    /// <summary>Σ over the rows of each cluster of xᵢsᵢ, as a G × k row-major array; one pass per column.</summary>
    private double[] ClusterScoreSums(double[] s)
    {
        var k = _design.ColumnCount;
        var g = _clusterCount;
        var clusters = _clusters!;

        // Each column accumulates into its own array so parallel columns never share cache lines.
        var perColumn = new double[k][];
        SizedParallel.For(k, (long)k * s.Length, j =>
        {
            var x = _design.Columns[j];
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

    private double[,] LeverageAdjustedMeat(double[] scores)
    {
        var h = _leverage!;
        var type = _type;

        // Pooled: one array of n weights per fit, used only here (the weighted cross product reads its first n).
        var weights = ArrayPool<double>.Shared.Rent(h.Length);
        try
        {
            for (var i = 0; i < h.Length; i++)
            {
                var oneMinus = 1 - h[i];
                if (oneMinus < 1e-10)
                {
                    throw new DegenerateModelException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Row {i} (after missing-value handling) has leverage 1, so {type} is undefined; it is typically the only observation of a dummy level (e.g. a fixed effect). Use HC1 or drop that level."));
                }

                var s2 = scores[i] * scores[i];
                weights[i] = type == VarianceType.HC2 ? s2 / oneMinus : s2 / (oneMinus * oneMinus);
            }

            return CrossProduct.TransposeWeightedSelf(_design.Columns, weights);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weights);
        }
    }

    private static double[] Square(double[] values) => values.Select(v => v * v).ToArray();

    private static double[] Fill(int k, double value) => Enumerable.Repeat(value, k).ToArray();
}
