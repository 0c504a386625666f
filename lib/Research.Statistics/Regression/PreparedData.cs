using System.Globalization;
using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>
/// The rows a model is fitted on: missing values handled by the policy, weights validated and folded in as
/// √w-scaled copies (so every estimator below works on the transformed, unweighted problem, as estimatr does),
/// cluster ids turned into dense codes.
/// </summary>
internal sealed class PreparedData
{
    // Whether each input row was kept; null when all were.
    private readonly bool[]? _keep;

    private PreparedData(double[] y, IReadOnlyList<double[]>[] designs, double[]? weights, double[]? sqrtWeights, int[]? clusters, int clusterCount, int dropped, bool[]? keep)
    {
        _keep = keep;
        Y = y;
        Designs = designs;
        Weights = weights;
        SqrtWeights = sqrtWeights;
        Clusters = clusters;
        ClusterCount = clusterCount;
        DroppedRows = dropped;
    }

    /// <summary>Whether <paramref name="other"/>, prepared from the same input rows, kept the same ones (e.g. another variance's data of the same design).</summary>
    /// <remarks>Equal counts with one side keeping every row mean both kept every row.</remarks>
    public bool SameRows(PreparedData other) =>
        RowCount == other.RowCount && (_keep is null || other._keep is null || _keep.AsSpan().SequenceEqual(other._keep));

    /// <summary>The (√w-scaled) outcome.</summary>
    public double[] Y { get; }

    /// <summary>The (√w-scaled) columns of each design passed in, in order.</summary>
    public IReadOnlyList<double[]>[] Designs { get; }

    /// <summary>w per kept row, or null when unweighted.</summary>
    public double[]? Weights { get; }

    /// <summary>√w per kept row when the outcome and columns were scaled by it; null when unweighted or unscaled.</summary>
    public double[]? SqrtWeights { get; }

    /// <summary>Dense cluster code (0..G-1) per kept row, or null when not clustered.</summary>
    public int[]? Clusters { get; }

    /// <summary>Number of clusters G.</summary>
    public int ClusterCount { get; }

    /// <summary>Rows removed by listwise deletion.</summary>
    public int DroppedRows { get; }

    /// <summary>Rows kept.</summary>
    public int RowCount => Y.Length;

    /// <summary>Throws when the outcome has no variation among the rows used.</summary>
    public void RequireVariation(string outcome)
    {
        var first = Y[0] / (SqrtWeights?[0] ?? 1.0);
        for (var i = 1; i < Y.Length; i++)
        {
            if (Y[i] / (SqrtWeights?[i] ?? 1.0) != first)
            {
                return;
            }
        }

        throw new DegenerateModelException(Invariant($"The outcome '{outcome}' is constant ({first}) in all {Y.Length} rows used; there is nothing to explain."));
    }

    /// <summary>
    /// The same rows, designs, weights and clusters with another outcome (one value per input row): its values at the
    /// kept rows, √w-scaled like the columns. The rows stay fixed, so the outcome must be observed at every kept row.
    /// </summary>
    /// <exception cref="ArgumentException">A length that differs from the input rows, or a missing or infinite value at a kept row.</exception>
    public PreparedData WithOutcome(IReadOnlyList<double> y, string outcome)
    {
        ArgumentNullException.ThrowIfNull(y);
        var inputRows = RowCount + DroppedRows;
        if (y.Count != inputRows)
        {
            throw new ArgumentException(Invariant($"The outcome '{outcome}' has {y.Count} values but the design has {inputRows} rows."), nameof(y));
        }

        var values = new double[RowCount];
        var r = 0;
        for (var i = 0; i < inputRows; i++)
        {
            if (_keep is not null && !_keep[i])
            {
                continue;
            }

            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException(
                    Invariant($"The outcome '{outcome}' is {y[i]} at row {i}, a row the design was factored on; fit an outcome with missing values on its own rows (LinearModel.Fit)."),
                    nameof(y));
            }

            values[r] = SqrtWeights is { } sqrtW ? y[i] * sqrtW[r] : y[i];
            r++;
        }

        return new PreparedData(values, Designs, Weights, SqrtWeights, Clusters, ClusterCount, DroppedRows, _keep);
    }

    /// <summary>
    /// Validates and subsets the inputs; with <paramref name="scaleByWeights"/> (least squares) the outcome and columns
    /// are multiplied by √w, otherwise (likelihood models) the weights are only carried along.
    /// </summary>
    public static PreparedData Prepare(IReadOnlyList<double> y, IReadOnlyList<DesignMatrix> designs, VarianceEstimator variance, FitOptions options, bool scaleByWeights = true)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(variance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfidenceLevel is <= 0 or >= 1 || double.IsNaN(options.ConfidenceLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "ConfidenceLevel must lie strictly between 0 and 1.");
        }

        var n = y.Count;
        foreach (var d in designs)
        {
            if (d.RowCount != n)
            {
                throw new ArgumentException(Invariant($"The outcome '{options.OutcomeName}' has {n} values but the design has {d.RowCount} rows."), nameof(y));
            }
        }

        if (options.Weights is { } w && w.Count != n)
        {
            throw new ArgumentException(Invariant($"There are {w.Count} weights but {n} rows."), nameof(options));
        }

        if (variance.ClusterCodes is { } c && c.Length != n)
        {
            throw new ArgumentException(Invariant($"There are {c.Length} cluster ids but {n} rows."), nameof(variance));
        }

        var keep = new bool[n];
        Array.Fill(keep, true);
        var firstMissing = new Dictionary<string, int>(StringComparer.Ordinal);
        void Mark(string what, int row)
        {
            keep[row] = false;
            firstMissing.TryAdd(what, row);
        }

        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(y[i]))
            {
                Mark(Invariant($"outcome '{options.OutcomeName}'"), i);
            }
            else if (double.IsInfinity(y[i]))
            {
                throw new ArgumentException(Invariant($"The outcome '{options.OutcomeName}' is infinite at row {i}."), nameof(y));
            }
        }

        foreach (var d in designs)
        {
            for (var j = 0; j < d.ColumnCount; j++)
            {
                var column = d.Columns[j];
                for (var i = 0; i < n; i++)
                {
                    if (double.IsNaN(column[i]))
                    {
                        Mark(Invariant($"column '{d.Names[j]}'"), i);
                    }
                }
            }
        }

        if (options.Weights is { } weights)
        {
            for (var i = 0; i < n; i++)
            {
                if (double.IsNaN(weights[i]))
                {
                    Mark("weights", i);
                }
                else if (!(weights[i] > 0) || double.IsInfinity(weights[i]))
                {
                    throw new ArgumentException(Invariant($"Weights must be positive and finite; row {i} has {weights[i]}."), nameof(options));
                }
            }
        }

        if (variance.ClusterCodes is { } ids)
        {
            for (var i = 0; i < n; i++)
            {
                if (ids[i] < 0)
                {
                    Mark("cluster id", i);
                }
            }
        }

        var kept = keep.Count(k => k);
        if (kept < n && options.MissingValues == MissingValuePolicy.Error)
        {
            var detail = string.Join("; ", firstMissing.Select(p => Invariant($"{p.Key} first at row {p.Value}")));
            throw new ArgumentException(
                Invariant($"{n - kept} of {n} rows have missing values ({detail}). Remove them or fit with MissingValues = MissingValuePolicy.ListwiseDeletion."),
                nameof(y));
        }

        if (kept == 0)
        {
            throw new DegenerateModelException("Every row has a missing value; nothing is left to fit.");
        }

        var all = kept == n;
        var yk = all ? y.ToArray() : RowSubset.Take(y.ToArray(), keep, kept);
        var columns = designs.Select(d => all ? d.Columns : d.Columns.Select(col => RowSubset.Take(col, keep, kept)).ToArray()).ToArray();
        double[]? sqrtW = null;
        double[]? wk = null;
        if (options.Weights is { } ww)
        {
            wk = all ? ww.ToArray() : RowSubset.Take(ww.ToArray(), keep, kept);
        }

        if (wk is not null && scaleByWeights)
        {
            sqrtW = wk.Select(Math.Sqrt).ToArray();
            yk = Scale(yk, sqrtW);
            columns = columns.Select(cs => (IReadOnlyList<double[]>)cs.Select(col => Scale(col, sqrtW)).ToArray()).ToArray();
        }

        int[]? codes = null;
        var g = 0;
        if (variance.ClusterCodes is { } original)
        {
            // Renumber densely over the kept rows: a cluster whose rows were all dropped does not count.
            var renumber = new int[original.Length == 0 ? 0 : original.Max() + 1];
            Array.Fill(renumber, -1);
            codes = new int[kept];
            var r = 0;
            for (var i = 0; i < n; i++)
            {
                if (keep[i])
                {
                    var code = renumber[original[i]];
                    if (code < 0)
                    {
                        code = renumber[original[i]] = g++;
                    }

                    codes[r++] = code;
                }
            }

            if (g < 2)
            {
                throw new DegenerateModelException(Invariant($"{variance.Type} needs at least 2 clusters; the data have {g}."));
            }
        }

        return new PreparedData(yk, columns, wk, sqrtW, codes, g, n - kept, all ? null : keep);
    }

    private static double[] Scale(double[] values, double[] by)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] * by[i];
        }

        return result;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
