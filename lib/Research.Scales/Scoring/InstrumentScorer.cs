using System.Globalization;
using Research.Scales.Instruments;
using Research.Scales.Responses;

namespace Research.Scales.Scoring;

/// <summary>
/// Scores instruments as declared: keying and recoding per item, the missing-item rule, the linear transform and the
/// band schemes. Rows are scored independently except under <see cref="MissingHandling.SampleItemMean"/>, where the
/// imputed item means come from the sample: all rows passed in, or the rows of the same imputation group (pass the
/// wave of each row so that the CBS K10 rule uses the item means of that wave).
/// </summary>
public static class InstrumentScorer
{
    /// <summary>Scores every declared score of <paramref name="instrument"/> for every row of <paramref name="responses"/>.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="responses">The answers.</param>
    /// <param name="imputationGroups">
    /// Optional group per row (e.g. the wave) defining the sample for <see cref="MissingHandling.SampleItemMean"/>;
    /// null = all rows form one sample (group 0).
    /// </param>
    /// <exception cref="ArgumentException">The responses lack one of the instrument's item columns, or the groups do not match the rows.</exception>
    public static InstrumentScores Score(Instrument instrument, IItemResponses responses, IReadOnlyList<int>? imputationGroups = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        if (imputationGroups is not null && imputationGroups.Count != responses.RowCount)
        {
            throw new ArgumentException(
                $"{imputationGroups.Count} imputation groups for {responses.RowCount} rows.", nameof(imputationGroups));
        }

        var absent = instrument.Items.Where(i => !responses.TryGetColumn(i.Column, out _)).Select(i => i.Column).ToList();
        if (absent.Count > 0)
        {
            throw new ArgumentException(
                $"Instrument {instrument.Id} needs item column(s) {string.Join(", ", absent)}, which the responses do not contain.",
                nameof(responses));
        }

        var outOfRange = new List<OutOfRangeAnswer>();
        var prepared = new Dictionary<string, PreparedItem>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
        {
            responses.TryGetColumn(item.Column, out var column);
            if (column!.Count != responses.RowCount)
            {
                throw new ArgumentException(
                    $"Column {item.Column} has {column.Count} rows; the responses have {responses.RowCount}.", nameof(responses));
            }

            prepared[item.Column] = PreparedItem.From(item, column, instrument.MissingCodes, responses.RowLabels, outOfRange);
        }

        var groups = imputationGroups ?? new int[responses.RowCount];
        var scores = instrument.Scores.Select(s => ScoreOne(s, prepared, groups)).ToList();
        return new InstrumentScores(instrument, scores, outOfRange);
    }

    /// <summary>Scores every instrument of the catalog whose item columns are all present in the responses.</summary>
    /// <param name="catalog">The instruments.</param>
    /// <param name="responses">The answers.</param>
    /// <param name="imputationGroups">Optional group (wave) per row; see <see cref="Score"/>.</param>
    public static IReadOnlyList<InstrumentScores> ScoreAvailable(
        InstrumentCatalog catalog, IItemResponses responses, IReadOnlyList<int>? imputationGroups = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Instruments
            .Where(i => i.Items.All(item => responses.TryGetColumn(item.Column, out _)))
            .Select(i => Score(i, responses, imputationGroups))
            .ToList();
    }

    private static ScoreColumn ScoreOne(ScoreDefinition score, Dictionary<string, PreparedItem> prepared, IReadOnlyList<int> groups)
    {
        var rows = groups.Count;
        var items = score.Items.Select(i => prepared[i.Column]).ToArray();
        var rule = score.Missing;
        var imputationByGroup = rule.Handling == MissingHandling.SampleItemMean ? SampleMeans(items, groups) : null;

        var values = new double?[rows];
        var answered = new int[rows];
        var reasons = new MissingReasons(rows);
        Func<int, string> tooFew = r => TooFewReason(items, r, answered[r], rule.MinimumAnswered);
        var k = items.Length;

        // Accumulate item by item: each pass reads one contiguous column.
        var sums = new double[rows];
        foreach (var item in items)
        {
            var scored = item.Scored;
            for (var row = 0; row < rows; row++)
            {
                var v = scored[row];
                if (double.IsNaN(v))
                {
                    continue;
                }

                sums[row] += v;
                answered[row]++;
            }
        }

        for (var row = 0; row < rows; row++)
        {
            var sum = sums[row];
            var n = answered[row];
            if (n < rule.MinimumAnswered)
            {
                reasons.Set(row, tooFew);
                continue;
            }

            if (n < k && imputationByGroup is not null)
            {
                var imputation = imputationByGroup[groups[row]];
                var undefined = -1;
                for (var j = 0; j < k && undefined < 0; j++)
                {
                    if (!double.IsNaN(items[j].Scored[row]))
                    {
                        continue;
                    }

                    if (double.IsNaN(imputation[j]))
                    {
                        undefined = j;
                    }
                    else
                    {
                        sum += imputation[j];
                    }
                }

                if (undefined >= 0)
                {
                    reasons.Set(row, r => string.Create(CultureInfo.InvariantCulture,
                        $"item {items[undefined].Item.Column} is missing and no respondent in the sample (imputation group {groups[r]}) answered it, so its sample mean is undefined"));
                    continue;
                }

                n = k;
            }

            var aggregate = (score.Aggregation, rule.Handling) switch
            {
                (Aggregation.Mean, _) => sum / n,
                (Aggregation.Sum, MissingHandling.Prorate) => sum / n * k,
                _ => sum,
            };
            values[row] = score.Transform.Apply(aggregate);
        }

        var bands = score.BandSchemes.ToDictionary(s => s.Id, s => (IReadOnlyList<string?>)Classify(s, values, prepared), StringComparer.Ordinal);
        var means = imputationByGroup?.ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, double>)items.Select((it, j) => (it.Item.Column, Mean: g.Value[j]))
                    .ToDictionary(p => p.Column, p => p.Mean, StringComparer.Ordinal))
            ?? [];
        return new ScoreColumn(score, values, answered, reasons, bands, means);
    }

    /// <summary>Per group: mean scored value of each item over the group's rows with a valid answer (NaN when none).</summary>
    private static Dictionary<int, double[]> SampleMeans(PreparedItem[] items, IReadOnlyList<int> groups)
    {
        var sums = new Dictionary<int, (double[] Sum, long[] Count)>();
        for (var row = 0; row < groups.Count; row++)
        {
            if (!sums.TryGetValue(groups[row], out var acc))
            {
                acc = (new double[items.Length], new long[items.Length]);
                sums[groups[row]] = acc;
            }

            for (var j = 0; j < items.Length; j++)
            {
                var v = items[j].Scored[row];
                if (double.IsNaN(v))
                {
                    continue;
                }

                acc.Sum[j] += v;
                acc.Count[j]++;
            }
        }

        return sums.ToDictionary(
            g => g.Key,
            g => g.Value.Sum.Select((sum, j) => g.Value.Count[j] == 0 ? double.NaN : sum / g.Value.Count[j]).ToArray());
    }

    private static string TooFewReason(PreparedItem[] items, int row, int answered, int minimum)
    {
        var missing = items.Where(it => double.IsNaN(it.Scored[row])).Select(it => it.DescribeMissing(row));
        return string.Create(CultureInfo.InvariantCulture,
            $"{answered} of {items.Length} items answered; at least {minimum} required ({string.Join("; ", missing)})");
    }

    private static bool AllAnswered(PreparedItem[] items, int row)
    {
        foreach (var item in items)
        {
            if (item.ValidAnswer(row) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static string?[] Classify(BandScheme scheme, double?[] values, Dictionary<string, PreparedItem> prepared)
    {
        var labels = new string?[values.Length];
        if (scheme.IsRuleBased)
        {
            var columns = scheme.Rules.SelectMany(r => r.Conditions).Select(c => c.Column).Distinct().Select(c => prepared[c]).ToArray();

            // One answer function for all rows (it reads the current row), not two closures per row.
            var row = 0;
            int Answer(string column) => prepared[column].ValidAnswer(row)!.Value;
            Func<string, int> answer = Answer;
            for (; row < values.Length; row++)
            {
                if (values[row] is null || !AllAnswered(columns, row))
                {
                    continue;
                }

                string? label = null;
                for (var r = 0; r < scheme.Rules.Count && label is null; r++)
                {
                    label = scheme.Rules[r].Holds(answer) ? scheme.Rules[r].Label : null;
                }

                labels[row] = label ?? scheme.Otherwise;
            }

            return labels;
        }

        for (var row = 0; row < values.Length; row++)
        {
            if (values[row] is not { } value)
            {
                continue;
            }

            foreach (var band in scheme.Bands)
            {
                if (band.Contains(value))
                {
                    labels[row] = band.Label;
                    break;
                }
            }
        }

        return labels;
    }
}
