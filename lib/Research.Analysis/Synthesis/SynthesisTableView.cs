using System.Globalization;
using System.Net;
using System.Text;
using Research.Analysis.Results;

namespace Research.Analysis.Synthesis;

/// <summary>
/// A result table shown in a notebook: chosen label and value columns, numbers rounded for reading (the result file
/// keeps full precision), withheld or undefined cells as an en dash, footnotes below.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Labels">Label columns to show, in order.</param>
/// <param name="Values">Value columns to show, in order.</param>
/// <param name="Rows">Which rows to show; all when null.</param>
public sealed record SynthesisTableView(ResultTable Table, IReadOnlyList<string> Labels, IReadOnlyList<string> Values, Func<ResultRow, bool>? Rows = null)
{
    private const string Dash = "\u2013";

    /// <summary>An HTML table with caption and footnotes.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<table class=\"synthesis\"><caption>").Append(Encode(Table.Title)).Append("</caption><thead><tr>");
        foreach (var column in Labels.Concat(Values))
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in Shown())
        {
            html.Append("<tr>");
            foreach (var label in Labels)
            {
                html.Append("<td>").Append(Encode(row.Labels.TryGetValue(label, out var text) ? text : Dash)).Append("</td>");
            }

            foreach (var value in Values)
            {
                html.Append("<td style=\"text-align:right;white-space:nowrap\">").Append(Format(value, row.Values.GetValueOrDefault(value))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (Table.Footnotes.Count > 0)
        {
            html.Append("<ol class=\"footnotes\" style=\"font-size:smaller\">");
            foreach (var note in Table.Footnotes)
            {
                html.Append("<li>").Append(Encode(note)).Append("</li>");
            }

            html.Append("</ol>");
        }

        return html.ToString();
    }

    /// <summary>The same table as aligned plain text.</summary>
    public override string ToString()
    {
        var header = Labels.Concat(Values).ToList();
        var cells = Shown().Select(r => Labels.Select(l => r.Labels.TryGetValue(l, out var t) ? t : Dash)
            .Concat(Values.Select(v => Format(v, r.Values.GetValueOrDefault(v)))).ToList()).ToList();
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToList();
        var text = new StringBuilder(Table.Title).Append('\n');
        text.Append(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i])))).Append('\n');
        foreach (var row in cells)
        {
            text.Append(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i])))).Append('\n');
        }

        foreach (var (note, i) in Table.Footnotes.Select((n, i) => (n, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {note}\n");
        }

        return text.ToString();
    }

    private IEnumerable<ResultRow> Shown() => Rows is null ? Table.Rows : Table.Rows.Where(Rows);

    private static string Format(string column, double? value)
    {
        var text = Rounded(column, value);

        // A value that rounds to zero from below reads as 0, not −0.
        return text.StartsWith('-') && text.AsSpan(1).Trim("0.").IsEmpty ? text[1..] : text;
    }

    private static string Rounded(string column, double? value) => value switch
    {
        null => Dash,
        { } v when column is "k" or "n" or "n_type" or "clusters" or "covered" or "df" && v == Math.Round(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v when column is "p" or "q_p" => v < 0.001 ? "<0.001" : v.ToString("0.000", CultureInfo.InvariantCulture),
        { } v when column is "i2" or "q" or "h2" or "df" => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v when column is "tau2" => v == 0 ? "0" : v.ToString("0.0E+0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
