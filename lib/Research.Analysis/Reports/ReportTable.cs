using System.Globalization;
using System.Net;
using System.Text;
using Research.Analysis.Results;

namespace Research.Analysis.Reports;

/// <summary>
/// A result table as the report shows it: chosen label and value columns, numbers formatted for reading (counts as
/// integers, p-values to three decimals or "&lt; 0.001", other numbers to <see cref="Decimals"/> decimals), withheld
/// cells as an en dash, and the table's footnotes underneath. A notebook cell displays it through <see cref="ToHtml"/>.
/// </summary>
/// <param name="Table">The (disclosure-controlled) table.</param>
/// <param name="Labels">Label columns to show, in order; null shows every label column.</param>
/// <param name="Values">Value columns to show, in order; null shows every value column.</param>
/// <param name="Decimals">Decimals of estimates and other non-count numbers.</param>
public sealed record ReportTable(ResultTable Table, IReadOnlyList<string>? Labels = null, IReadOnlyList<string>? Values = null, int Decimals = 3)
{
    /// <summary>What a withheld cell shows.</summary>
    public const string Withheld = "–";

    /// <summary>Which rows to show; null shows every row.</summary>
    public Func<ResultRow, bool>? Rows { get; init; }

    /// <summary>How numbers are shown, by value name; null uses <see cref="Format"/>'s default rules.</summary>
    public Func<string, double?, string>? Formatter { get; init; }

    /// <summary>The table as an HTML fragment (caption, table, footnotes).</summary>
    public string ToHtml()
    {
        var (labels, values) = Columns();
        var html = new StringBuilder();
        html.Append("<figure class=\"report-table\"><table>");
        html.Append("<caption>").Append(Encode(Table.Title)).Append("</caption><thead><tr>");
        foreach (var column in labels.Concat(values))
        {
            html.Append("<th style=\"text-align:left\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in Shown())
        {
            html.Append("<tr>");
            foreach (var label in labels)
            {
                html.Append("<td style=\"text-align:left\">").Append(Encode(row.Labels.GetValueOrDefault(label, string.Empty))).Append("</td>");
            }

            foreach (var value in values)
            {
                html.Append("<td style=\"text-align:right;white-space:nowrap\">").Append(Encode(Format(value, row.Values.GetValueOrDefault(value)))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (Table.Footnotes.Count > 0)
        {
            html.Append("<figcaption><ol style=\"font-size:smaller\">");
            foreach (var note in Table.Footnotes)
            {
                html.Append("<li>").Append(Encode(note)).Append("</li>");
            }

            html.Append("</ol></figcaption>");
        }

        return html.Append("</figure>").ToString();
    }

    /// <summary>The table as tab-separated text with footnotes.</summary>
    public override string ToString()
    {
        var (labels, values) = Columns();
        var text = new StringBuilder(Table.Title).Append('\n').AppendJoin('\t', labels.Concat(values)).Append('\n');
        foreach (var row in Shown())
        {
            text.AppendJoin('\t', labels.Select(l => row.Labels.GetValueOrDefault(l, string.Empty)).Concat(values.Select(v => Format(v, row.Values.GetValueOrDefault(v))))).Append('\n');
        }

        foreach (var note in Table.Footnotes)
        {
            text.Append("Note: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>How one number is shown.</summary>
    public string Format(string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Formatter is not null)
        {
            return Formatter(name, value);
        }

        var c = CultureInfo.InvariantCulture;
        return value switch
        {
            null => Withheld,
            { } v when name is ResultValue.N or "items" or "df1" or "df2" or "level" || name.StartsWith("n_", StringComparison.Ordinal) => v.ToString("N0", c),
            { } v when name is ResultValue.PValue || name.StartsWith("p_", StringComparison.Ordinal) => v < 0.001 ? "< 0.001" : v.ToString("0.000", c),
            { } v => v.ToString("F" + Decimals.ToString(c), c),
        };
    }

    private IEnumerable<ResultRow> Shown() => Rows is null ? Table.Rows : Table.Rows.Where(Rows);

    private (IReadOnlyList<string> Labels, IReadOnlyList<string> Values) Columns() =>
        (Labels ?? Table.Rows.SelectMany(r => r.Labels.Keys).Distinct(StringComparer.Ordinal).ToList(),
         Values ?? Table.Rows.SelectMany(r => r.Values.Keys).Distinct(StringComparer.Ordinal).ToList());

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
