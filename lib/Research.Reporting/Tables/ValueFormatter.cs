using System.Globalization;
using Research.Analysis.Results;

namespace Research.Reporting.Tables;

/// <summary>
/// How a number is shown, decided by its column's <see cref="ColumnKind"/> and <see cref="ValueUnit"/> alone: one rule per
/// kind for the municipal reports and the synthesis alike. Shares read as percentages, effects on shares as percentage
/// points, p-values to three decimals; text is invariant-culture, and a value that rounds to zero never shows as −0.
/// </summary>
public static class ValueFormatter
{
    /// <summary>What a withheld or unavailable cell shows.</summary>
    public const string Missing = "–";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The text of <paramref name="value"/> in <paramref name="column"/>; <see cref="Missing"/> for null.</summary>
    public static string Format(ResultColumn column, double? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (value is not { } v)
        {
            return Missing;
        }

        var text = column.Kind switch
        {
            ColumnKind.Label => throw new ArgumentException($"column '{column.Name}' holds text, not numbers", nameof(column)),
            ColumnKind.Count or ColumnKind.Tally or ColumnKind.Rating => v.ToString("N0", C),
            ColumnKind.Share => Percent(v),
            ColumnKind.Indicator => v == 1 ? "yes" : v == 0 ? "no" : v.ToString("0.##", C),
            ColumnKind.PValue => v < 0.001 ? "< 0.001" : v.ToString("0.000", C),
            ColumnKind.DegreesOfFreedom => v == Math.Round(v) ? v.ToString("N0", C) : v.ToString("0.0", C),
            ColumnKind.Statistic => v.ToString("0.00", C),
            ColumnKind.Index => column.Unit == ValueUnit.Percent ? v.ToString("0", C) + "%" : v != 0 && Math.Abs(v) < 0.001 ? v.ToString("0.0E+0", C) : v.ToString("0.000", C),
            ColumnKind.Spread => InUnit(column.Unit, v, signed: false),
            ColumnKind.Amount => InUnit(column.Unit, v, signed: false),
            ColumnKind.Estimate or ColumnKind.Limit => InUnit(column.Unit, v, signed: column.Unit != ValueUnit.Months),
            _ => v.ToString("0.000", C),
        };
        return NoNegativeZero(text);
    }

    /// <summary>An interval of two limits in <paramref name="column"/>'s unit: "−1.2 to +3.4".</summary>
    public static string Interval(ResultColumn column, double? low, double? high) =>
        low is null || high is null ? Missing : $"{Format(column, low)} to {Format(column, high)}";

    /// <summary>The header of <paramref name="column"/> with its unit where the numbers need one: "Effect (pp)", "Control share (%)".</summary>
    public static string Header(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var unit = (column.Kind, column.Unit) switch
        {
            (ColumnKind.Estimate or ColumnKind.Limit or ColumnKind.Spread, ValueUnit.Share) => "pp",
            (_, ValueUnit.Euro) => "€",
            (_, ValueUnit.Months) => "months",
            (_, ValueUnit.Points) => "points",
            (_, ValueUnit.StandardDeviations) => "SD",
            _ => null,
        };
        return unit is null ? column.Header : $"{column.Header} ({unit})";
    }

    /// <summary>A share as a percentage with one decimal: 0.1234 → "12.3%".</summary>
    public static string Percent(double share) => NoNegativeZero((share * 100).ToString("0.0", C)) + "%";

    /// <summary>A difference in shares in percentage points with a sign: 0.052 → "+5.2 pp".</summary>
    public static string PercentagePoints(double difference) => NoNegativeZero((difference * 100).ToString("+0.0;-0.0;0.0", C)) + " pp";

    private static string InUnit(ValueUnit unit, double v, bool signed) => unit switch
    {
        ValueUnit.Share => (v * 100).ToString(signed ? "+0.0;-0.0;0.0" : "0.0", C),
        ValueUnit.Euro => (signed ? (v < 0 ? "−€" : "+€") : "€") + Math.Abs(v).ToString("N0", C),
        ValueUnit.Months => v.ToString("0.0", C),
        ValueUnit.StandardDeviations => v.ToString(signed ? "+0.00;-0.00;0.00" : "0.00", C),
        ValueUnit.Percent => v.ToString("0", C) + "%",
        _ => v.ToString(signed ? "+0.00;-0.00;0.00" : "0.00", C),
    };

    private static string NoNegativeZero(string text) =>
        text.StartsWith('-') && text.AsSpan(1).TrimEnd("%").Trim("0.,").IsEmpty ? text[1..] : text;
}
