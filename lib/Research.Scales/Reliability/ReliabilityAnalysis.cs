using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using Research.Scales.Instruments;
using Research.Scales.Responses;
using Research.Scales.Scoring;

namespace Research.Scales.Reliability;

/// <summary>
/// Reliability of an item set: Cronbach's α (raw and standardised), Guttman's λ6, average and median inter-item
/// correlation, item statistics with alpha-if-item-deleted and item–rest correlations (all as <c>psych::alpha</c>),
/// and McDonald's ω_t from a one-factor minres model (as <c>psych::omega(nfactors = 1)</c>).
/// </summary>
public static class ReliabilityAnalysis
{
    /// <summary>Analyses the scored (keyed / recoded) items of one declared score.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="scoreId">The score (total or subscale) whose items are analysed.</param>
    /// <param name="responses">The answers; missing codes and out-of-range answers count as missing.</param>
    /// <param name="handling">Treatment of missing answers (pairwise is psych's default).</param>
    public static ReliabilityResult Analyze(
        Instrument instrument, string scoreId, IItemResponses responses, MissingItemHandling handling = MissingItemHandling.Pairwise)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        var score = instrument.Score(scoreId);
        var columns = new List<double[]>();
        foreach (var item in score.Items)
        {
            if (!responses.TryGetColumn(item.Column, out var column))
            {
                throw new ArgumentException($"Item column {item.Column} of {instrument.Id}/{scoreId} is not in the responses.", nameof(responses));
            }

            columns.Add(PreparedItem.From(item, column!, instrument.MissingCodes, responses.RowLabels, []).Scored);
        }

        return Analyze(score.Items.Select(i => i.Column).ToList(), columns, handling);
    }

    /// <summary>
    /// Analyses every declared score of the instrument with at least 2 items (totals and subscales), keyed by score id.
    /// </summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="responses">The answers.</param>
    /// <param name="handling">Treatment of missing answers (pairwise is psych's default).</param>
    public static IReadOnlyDictionary<string, ReliabilityResult> AnalyzeAll(
        Instrument instrument, IItemResponses responses, MissingItemHandling handling = MissingItemHandling.Pairwise)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Scores
            .Where(s => s.Items.Count >= 2)
            .ToDictionary(s => s.Id, s => Analyze(instrument, s.Id, responses, handling), StringComparer.Ordinal);
    }

    /// <summary>Analyses item columns given as scored values, NaN = missing.</summary>
    /// <param name="items">Item names.</param>
    /// <param name="columns">One array per item, equally long; NaN marks a missing answer.</param>
    /// <param name="handling">Treatment of missing answers (pairwise is psych's default).</param>
    /// <exception cref="ArgumentException">Fewer than 2 items, unequal lengths, too few rows, or a constant item.</exception>
    /// <exception cref="InvalidOperationException">The item correlation matrix is not positive definite.</exception>
    public static ReliabilityResult Analyze(
        IReadOnlyList<string> items, IReadOnlyList<double[]> columns, MissingItemHandling handling = MissingItemHandling.Pairwise)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        if (items.Count != columns.Count)
        {
            throw new ArgumentException($"{items.Count} item names for {columns.Count} columns.", nameof(items));
        }

        if (items.Count < 2)
        {
            throw new ArgumentException($"Reliability needs at least 2 items; got {items.Count}.", nameof(columns));
        }

        var length = columns[0].Length;
        for (var j = 1; j < columns.Count; j++)
        {
            if (columns[j].Length != length)
            {
                throw new ArgumentException($"Item {items[j]} has {columns[j].Length} rows; item {items[0]} has {length}.", nameof(columns));
            }
        }

        var data = handling == MissingItemHandling.Listwise ? CompleteRows(columns) : columns;
        var rows = data[0].Length;
        CheckEstimable(items, data);

        var c = PairwiseMoments.Covariance(data);
        var r = PairwiseMoments.CovarianceToCorrelation(c);
        CheckPositiveDefinite(r, items, "covariance-based correlation matrix (cov2cor of the pairwise covariances)");
        var alpha = AlphaStatistics.From(c, r, rows);
        var total = PersonMeans(data);
        var itemStatistics = ItemStatistics(items, data, c, r, total, rows);

        OmegaResult? omega = null;
        if (items.Count >= 3)
        {
            // psych::omega correlates the raw data with cor(use = "pairwise"), not cov2cor of the covariances.
            var omegaR = PairwiseMoments.Correlation(data);
            CheckPositiveDefinite(omegaR, items, "pairwise correlation matrix");
            var model = OneFactorModel.Fit(omegaR);
            var v = omegaR.Enumerate().Sum();
            omega = new OmegaResult(
                OmegaTotal: (v - model.Uniquenesses.Sum()) / v,
                OmegaGeneral: Math.Pow(model.Loadings.Sum(), 2) / v,
                Model: model);
        }

        var answeredTotals = total.Where(t => !double.IsNaN(t)).ToArray();
        return new ReliabilityResult(
            items.ToList(), handling, rows, alpha, answeredTotals.Mean(), answeredTotals.StandardDeviation(), itemStatistics, omega);
    }

    private static List<ItemReliability> ItemStatistics(
        IReadOnlyList<string> items, IReadOnlyList<double[]> data, Matrix<double> c, Matrix<double> r, double[] total, int rows)
    {
        var k = items.Count;
        var sumR = r.Enumerate().Sum();
        var smc = AlphaStatistics.SquaredMultipleCorrelations(r);
        var rc = r.Clone();
        for (var j = 0; j < k; j++)
        {
            rc[j, j] = smc[j];
        }

        var sumRc = rc.Enumerate().Sum();

        var result = new List<ItemReliability>(k);
        for (var i = 0; i < k; i++)
        {
            var rest = Enumerable.Range(0, k).Where(j => j != i).ToArray();
            var cRest = Submatrix(c, rest);
            var restSum = cRest.Enumerate().Sum();
            var covWithRest = c.Column(i).Sum() - c[i, i];
            var answered = data[i].Where(v => !double.IsNaN(v)).ToArray();
            result.Add(new ItemReliability(
                items[i],
                answered.Length,
                RawR: PairwiseMoments.Correlation(total, data[i]),
                StandardizedR: r.Column(i).Sum() / Math.Sqrt(sumR),
                CorrectedR: rc.Column(i).Sum() / Math.Sqrt(sumRc),
                ItemRestR: covWithRest / Math.Sqrt(c[i, i] * restSum),
                Mean: answered.Mean(),
                StandardDeviation: answered.StandardDeviation(),
                IfDeleted: k > 2 ? AlphaStatistics.From(cRest, Submatrix(r, rest), rows) : null));
        }

        return result;
    }

    private static Matrix<double> Submatrix(Matrix<double> m, int[] keep) =>
        Matrix<double>.Build.Dense(keep.Length, keep.Length, (i, j) => m[keep[i], keep[j]]);

    /// <summary>Mean of the answered items per row (NaN when none), the total psych::alpha correlates items with.</summary>
    private static double[] PersonMeans(IReadOnlyList<double[]> data)
    {
        var rows = data[0].Length;
        var total = new double[rows];
        for (var row = 0; row < rows; row++)
        {
            double sum = 0;
            var n = 0;
            foreach (var column in data)
            {
                if (double.IsNaN(column[row]))
                {
                    continue;
                }

                sum += column[row];
                n++;
            }

            total[row] = n == 0 ? double.NaN : sum / n;
        }

        return total;
    }

    private static double[][] CompleteRows(IReadOnlyList<double[]> columns)
    {
        var keep = Enumerable.Range(0, columns[0].Length).Where(row => columns.All(c => !double.IsNaN(c[row]))).ToArray();
        return columns.Select(c => keep.Select(row => c[row]).ToArray()).ToArray();
    }

    // Plain loops: every pair of items is counted, k²/2 passes over the rows, for every scale of every report.
    private static void CheckEstimable(IReadOnlyList<string> items, IReadOnlyList<double[]> data)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var (answered, first, varies) = (0, double.NaN, false);
            foreach (var v in data[i])
            {
                if (double.IsNaN(v))
                {
                    continue;
                }

                varies |= answered > 0 && v != first;
                first = answered == 0 ? v : first;
                answered++;
            }

            if (answered < 2)
            {
                throw new ArgumentException($"Item {items[i]} has {answered} answered row(s); at least 2 are needed.", nameof(data));
            }

            if (!varies)
            {
                throw new ArgumentException($"Item {items[i]} has zero variance (every answer is {first}); reliability is undefined. Remove the item.", nameof(data));
            }

            for (var j = 0; j < i; j++)
            {
                var (a, b, both) = (data[i], data[j], 0);
                for (var r = 0; r < a.Length; r++) // the items' lengths are checked equal above
                {
                    both += double.IsNaN(a[r]) || double.IsNaN(b[r]) ? 0 : 1;
                }

                if (both < 3)
                {
                    throw new ArgumentException($"Items {items[j]} and {items[i]} are both answered in only {both} row(s); their correlation cannot be estimated.", nameof(data));
                }
            }
        }
    }

    private static void CheckPositiveDefinite(Matrix<double> r, IReadOnlyList<string> items, string what)
    {
        var eigenvalues = r.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        if (eigenvalues.Min() <= 1e-10 * eigenvalues.Max())
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} of items {string.Join(", ", items)} is not positive definite (smallest eigenvalue {eigenvalues.Min():G6}); items are linearly dependent or pairwise deletion produced an inconsistent matrix. Squared multiple correlations (λ6) are undefined."));
        }
    }
}
