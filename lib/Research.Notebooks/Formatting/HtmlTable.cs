using System.Net;
using System.Text;

namespace Research.Notebooks.Formatting;

/// <summary>Builds the HTML and aligned plain-text tables the tabular formatters share.</summary>
internal static class HtmlTable
{
    /// <summary>An HTML table; <paramref name="footer"/> (already plain text) is shown under it when not null.</summary>
    public static string Html(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? footer) =>
        RawHtml(header, rows.Select(r => (IReadOnlyList<string>)r.Select(WebUtility.HtmlEncode).ToList()), footer);

    /// <summary>An HTML table whose cells are HTML already (encoded by the caller); header and footer are plain text.</summary>
    public static string RawHtml(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? footer)
    {
        var html = new StringBuilder("<table class=\"nb-table\"><thead><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (footer is not null)
        {
            html.Append("<p class=\"nb-table-footer\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>A plain-text table with columns padded to their widest entry.</summary>
    public static string Text(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? footer)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendJoin("  ", cells.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        Line(header);
        foreach (var row in rows)
        {
            Line(row);
        }

        if (footer is not null)
        {
            text.Append(footer).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
