using System.Globalization;
using Research.Analysis.Reports;
using Research.Analysis.Results;

namespace Research.Analysis.Synthesis;

/// <summary>How the synthesis notebook shows its result tables: the report's table view with the synthesis's number rules.</summary>
public static class SynthesisFormat
{
    /// <summary>A view of <paramref name="table"/> with the chosen columns, optionally only the rows <paramref name="rows"/> accepts.</summary>
    public static ReportTable View(ResultTable table, IReadOnlyList<string> labels, IReadOnlyList<string> values, Func<ResultRow, bool>? rows = null) =>
        new(table, labels, values) { Rows = rows, Formatter = Format };

    /// <summary>How a synthesis number is shown: counts as integers, p-values to three decimals, τ² in scientific notation, I², Q and H² to one decimal, other numbers to three decimals; withheld as an en dash, never a negative zero.</summary>
    public static string Format(string column, double? value)
    {
        var text = Rounded(column, value);

        // A value that rounds to zero from below reads as 0, not −0.
        return text.StartsWith('-') && text.AsSpan(1).Trim("0.").IsEmpty ? text[1..] : text;
    }

    private static string Rounded(string column, double? value) => value switch
    {
        null => ReportTable.Withheld,
        { } v when column is "k" or "n" or "n_type" or "clusters" or "covered" or "df" && v == Math.Round(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v when column is "p" or "q_p" => v < 0.001 ? "<0.001" : v.ToString("0.000", CultureInfo.InvariantCulture),
        { } v when column is "i2" or "q" or "h2" or "df" => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v when column is "tau2" => v == 0 ? "0" : v.ToString("0.0E+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
