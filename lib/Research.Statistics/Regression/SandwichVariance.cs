using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Parallelism;

namespace Research.Statistics.Regression;

/// <summary>
/// Classical, HC0–HC3 and CR0–CR2 coefficient covariances: prepared once per design (<see cref="SandwichDesign"/>,
/// variance type, clusters), then computed for the scores of any number of outcomes.
/// </summary>
/// <remarks>
/// <para>
/// Preparing does the work that depends on the design only: the hat values of HC2/HC3, and for CR2 the per-cluster
/// adjustment matrices and the Bell–McCaffrey degrees of freedom (<see cref="BellMcCaffrey"/>). Immutable once built,
/// so one instance may serve many threads at once.
/// </para>
/// <para>
/// Under HC0–HC3 and CR2 a design prepared for some coefficients only (a factored design fitted to many outcomes, whose
/// callers test a few treatment contrasts among many covariate columns) computes the covariance of those coefficients
/// alone: each row's weight in each of their estimates (n·t values) is kept from the preparation, and a fit costs n·t²
/// instead of the whole meat's n·k²/2 (HC) or the clusters' k-vectors (CR2). The other coefficients then have no
/// variance (NaN), and <see cref="VarianceResult.Untested"/> names them.
/// </para>
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

    // The coefficients whose variance is computed (ascending) when not all are; with HC, each one's row weights aᵢₛ.
    private readonly int[]? _tested;
    private readonly IReadOnlySet<int>? _untested;
    private readonly double[][]? _projections;

    /// <summary>Prepares the variance of <paramref name="type"/> for <paramref name="design"/>.</summary>
    /// <param name="design">The design side.</param>
    /// <param name="type">The variance type.</param>
    /// <param name="clusters">Dense cluster code per row, or null.</param>
    /// <param name="clusterCount">The number of clusters.</param>
    /// <param name="tested">
    /// The coefficients that need a variance (and under CR2 degrees of freedom), or null for all. Under HC0–HC3 and CR2
    /// the others get none; the classical, CR0 and CR1 variances cover every coefficient whatever is asked.
    /// </param>
    public SandwichVariance(SandwichDesign design, VarianceType type, int[]? clusters, int clusterCount, IReadOnlyList<int>? tested = null)
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

        var some = tested?.Distinct().Order().ToArray();
        if (some is not null && some.Length < design.ColumnCount && (clusters is null || type == VarianceType.CR2))
        {
            _tested = some;
            _untested = Enumerable.Range(0, design.ColumnCount).Except(some).ToHashSet();
        }

        if (clusters is null)
        {
            if (type is not (VarianceType.HC0 or VarianceType.HC1 or VarianceType.HC2 or VarianceType.HC3))
            {
                throw new ArgumentException($"{type} needs cluster ids.", nameof(type));
            }

            if (_tested is not null || type is VarianceType.HC2 or VarianceType.HC3)
            {
                // HC0/HC1 need no hat values, but a design prepared for a few coefficients gets their row weights from
                // the same pass over the design.
                var (leverage, projections) = Leverage.Compute(design.Columns, design.BreadFactor, _tested ?? []);
                _projections = _tested is null ? null : projections;
                if (type is VarianceType.HC2 or VarianceType.HC3)
                {
                    _leverage = leverage;
                    if (design.LeverageWeights is { } v)
                    {
                        for (var i = 0; i < _leverage.Length; i++)
                        {
                            _leverage[i] *= v[i];
                        }
                    }
                }
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

            _cr2 = BellMcCaffrey.Prepare(design, clusters, clusterCount, _tested ?? Enumerable.Range(0, design.ColumnCount).ToArray());
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
            var factor = _type == VarianceType.HC1 ? (double)n / (n - k) : 1.0;
            if (_projections is not null)
            {
                return new VarianceResult(TestedCovariance(scores, factor), Fill(k, residualDf), residualDf, _notes, _untested);
            }

            var meat = Meat(scores);
            return new VarianceResult(SmallMatrix.Scale(SmallMatrix.Sandwich(_design.Bread, meat), factor), Fill(k, residualDf), residualDf, _notes);
        }

        var clusterDf = _design.NormalReference ? double.PositiveInfinity : _clusterCount - 1;
        if (_cr2 is not null)
        {
            var covariance = _cr2.Covariance(scores);
            return new VarianceResult(_tested is null ? covariance : Embed(covariance), [.. _cr2.DegreesOfFreedom], clusterDf, _notes, _untested);
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

    /// <summary>X'ΩX with each row's weight ωᵢ (<see cref="RowWeights"/>).</summary>
    private double[,] Meat(double[] scores)
    {
        // Pooled: one array of n weights per fit, used only here (the weighted cross product reads its first n).
        var weights = ArrayPool<double>.Shared.Rent(scores.Length);
        try
        {
            RowWeights(scores, weights);
            return CrossProduct.TransposeWeightedSelf(_design.Columns, weights);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weights);
        }
    }

    /// <summary>
    /// The covariance of the tested coefficients, Σᵢ ωᵢaᵢₛaᵢₜ times <paramref name="factor"/>, with NaN for the others:
    /// the tested block of M·X'ΩX·M, one row weight ωᵢ and t vectors of n per fit.
    /// </summary>
    private double[,] TestedCovariance(double[] scores, double factor)
    {
        var n = scores.Length;
        var tested = _tested!;
        var a = _projections!;
        var block = new double[tested.Length, tested.Length];

        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var weights = buffer.AsSpan(0, n);
            var weighted = buffer.AsSpan(n, n);
            RowWeights(scores, buffer);
            for (var s = 0; s < tested.Length; s++)
            {
                var column = a[s].AsSpan();
                for (var i = 0; i < n; i++)
                {
                    weighted[i] = weights[i] * column[i];
                }

                for (var t = s; t < tested.Length; t++)
                {
                    block[s, t] = block[t, s] = factor * SpanArithmetic.Dot(weighted, a[t]);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return Embed(block);
    }

    /// <summary>The k × k covariance with the tested coefficients' <paramref name="block"/> (in their order) in place and NaN elsewhere.</summary>
    private double[,] Embed(double[,] block)
    {
        var k = _design.ColumnCount;
        var tested = _tested!;
        var covariance = new double[k, k];
        foreach (ref var value in MemoryMarshal.CreateSpan(ref covariance[0, 0], k * k))
        {
            value = double.NaN;
        }

        for (var s = 0; s < tested.Length; s++)
        {
            for (var t = 0; t < tested.Length; t++)
            {
                covariance[tested[s], tested[t]] = block[s, t];
            }
        }

        return covariance;
    }

    /// <summary>
    /// Writes each row's weight ωᵢ in the meat Σᵢ ωᵢxᵢxᵢ' over the first n values of <paramref name="weights"/>: sᵢ² for
    /// HC0/HC1, sᵢ²/(1 − hᵢ) for HC2, sᵢ²/(1 − hᵢ)² for HC3.
    /// </summary>
    /// <exception cref="DegenerateModelException">HC2/HC3 with a row of leverage one.</exception>
    private void RowWeights(double[] scores, double[] weights)
    {
        if (_type is VarianceType.HC0 or VarianceType.HC1)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                weights[i] = scores[i] * scores[i];
            }

            return;
        }

        var h = _leverage!;
        var type = _type;
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
    }

    private static double[] Fill(int k, double value) => Enumerable.Repeat(value, k).ToArray();
}
