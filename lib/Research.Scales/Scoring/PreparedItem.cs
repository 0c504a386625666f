using Research.Scales.Instruments;
using Research.Scales.Responses;

namespace Research.Scales.Scoring;

/// <summary>One item's answers checked once per instrument: scored value per row (NaN when not valid).</summary>
internal sealed class PreparedItem
{
    private readonly int?[] raw;
    private readonly int?[]? codes;
    private readonly IReadOnlyDictionary<int, string> missingCodes;

    private PreparedItem(InstrumentItem item, int?[] raw, int?[]? codes, IReadOnlyDictionary<int, string> missingCodes, double[] scored)
    {
        Item = item;
        this.raw = raw;
        this.codes = codes;
        this.missingCodes = missingCodes;
        Scored = scored;
    }

    public InstrumentItem Item { get; }

    /// <summary>Scored value per row; NaN when the answer is missing or out of range.</summary>
    public double[] Scored { get; }

    /// <summary>The raw answer of a row when it is valid and in range.</summary>
    public int? ValidAnswer(int row) => double.IsNaN(Scored[row]) ? null : raw[row];

    public static PreparedItem From(
        InstrumentItem item,
        ItemColumn column,
        IReadOnlyDictionary<int, string> missingCodes,
        IReadOnlyList<string>? rowLabels,
        List<OutOfRangeAnswer> outOfRange)
    {
        var raw = column.RawValues;
        var lookup = BuildLookup(item);
        var scored = new double[raw.Length];
        for (var row = 0; row < raw.Length; row++)
        {
            // The reader guarantees missing codes lie outside every item range, so an in-range answer is valid.
            if (raw[row] is not { } answer)
            {
                scored[row] = double.NaN;
            }
            else if (item.IsInRange(answer))
            {
                scored[row] = lookup[answer - item.Minimum];
            }
            else
            {
                scored[row] = double.NaN;
                if (!missingCodes.ContainsKey(answer))
                {
                    outOfRange.Add(new OutOfRangeAnswer(row, rowLabels?[row], item.Column, answer, item.Minimum, item.Maximum));
                }
            }
        }

        return new PreparedItem(item, raw, column.RawMissingCodes, missingCodes, scored);
    }

    /// <summary>Why a row has no valid answer, for missing-score reasons.</summary>
    public string DescribeMissing(int row)
    {
        var column = Item.Column;
        if (raw[row] is { } answer)
        {
            return missingCodes.TryGetValue(answer, out var label)
                ? $"{column} {label} ({answer})"
                : $"{column} out of range ({answer}, valid {Item.Minimum}–{Item.Maximum})";
        }

        if (codes?[row] is { } code)
        {
            return missingCodes.TryGetValue(code, out var label) ? $"{column} {label} ({code})" : $"{column} missing code {code}";
        }

        return $"{column} empty (not asked / not reached)";
    }

    // A dense table avoids a dictionary lookup per answer when scoring millions of rows.
    private static double[] BuildLookup(InstrumentItem item)
    {
        var lookup = new double[item.Maximum - item.Minimum + 1];
        for (var answer = item.Minimum; answer <= item.Maximum; answer++)
        {
            lookup[answer - item.Minimum] = item.Score(answer);
        }

        return lookup;
    }
}
