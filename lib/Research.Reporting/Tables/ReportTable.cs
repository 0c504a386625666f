using System.Globalization;
using System.Net;
using System.Text;
using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Reporting.Tables;

/// <summary>
/// A published result table as a reader sees it: chosen columns under their headers, numbers formatted by
/// <see cref="ValueFormatter"/> from their kind, two adjacent interval limits shown as one interval, withheld cells as an
/// en dash with a letter naming the disclosure rule, highlighted rows (the main horizon), and the table's footnotes.
/// A notebook cell displays it through <see cref="ToHtml"/>.
/// </summary>
/// <remarks>Immutable; the <c>With…</c> methods return changed copies.</remarks>
public sealed class ReportTable
{
    /// <summary>What a cell shows when its value is not available (not estimable, not reached).</summary>
    public const string NotAvailable = "n/a";

    private readonly IReadOnlyList<ResultColumn> _columns;

    /// <summary>A view of <paramref name="table"/> with <paramref name="columns"/> (label and value column names, in order; null: all).</summary>
    /// <exception cref="KeyNotFoundException">A name is not a column of the table; the message lists the columns.</exception>
    public ReportTable(ResultTable table, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        _columns = columns is null ? table.Columns : columns.Select(table.Column).ToList();
    }

    private ReportTable(ReportTable other)
    {
        Table = other.Table;
        _columns = other._columns;
        RowFilter = other.RowFilter;
        Highlighted = other.Highlighted;
        HighlightNote = other.HighlightNote;
        Title = other.Title;
        MinimumCount = other.MinimumCount;
    }

    /// <summary>The published table.</summary>
    public ResultTable Table { get; }

    /// <summary>The columns shown.</summary>
    public IReadOnlyList<ResultColumn> Columns => _columns;

    /// <summary>The caption (the table's title unless changed).</summary>
    public string? Title { get; private init; }

    /// <summary>The minimum count the disclosure rules were applied with (for the legend of withheld cells).</summary>
    public int MinimumCount { get; private init; } = DisclosureControl.CbsMinimumCount;

    private Func<ResultRow, bool>? RowFilter { get; init; }

    private Func<ResultRow, bool>? Highlighted { get; init; }

    private string? HighlightNote { get; init; }

    /// <summary>Only the rows <paramref name="filter"/> accepts.</summary>
    public ReportTable Where(Func<ResultRow, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var previous = RowFilter;
        return new ReportTable(this) { RowFilter = previous is null ? filter : r => previous(r) && filter(r) };
    }

    /// <summary>Marks the rows <paramref name="rows"/> accepts, explained by <paramref name="note"/> under the table.</summary>
    public ReportTable Highlight(Func<ResultRow, bool> rows, string note)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new ReportTable(this) { Highlighted = rows, HighlightNote = note };
    }

    /// <summary>The same table under another caption.</summary>
    public ReportTable Titled(string title) => new(this) { Title = title };

    /// <summary>The legend of withheld cells states <paramref name="minimumCount"/>.</summary>
    public ReportTable WithMinimumCount(int minimumCount) => new(this) { MinimumCount = minimumCount };

    /// <summary>The rows shown.</summary>
    public IEnumerable<ResultRow> Rows => RowFilter is null ? Table.Rows : Table.Rows.Where(RowFilter);

    /// <summary>The table as an HTML fragment (caption, table, footnotes).</summary>
    public string ToHtml()
    {
        var groups = Groups();
        var rules = UsedRules(groups);
        var html = new StringBuilder();
        html.Append("<figure class=\"report-table\" data-table=\"").Append(Encode(Table.Name)).Append("\"><table>");
        html.Append("<caption>").Append(Encode(Title ?? Table.Title)).Append("</caption><thead><tr>");
        foreach (var group in groups)
        {
            html.Append("<th class=\"").Append(group.Length == 1 && group[0].IsLabel ? "label" : "number").Append("\">").Append(Encode(Header(group))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            var marked = Highlighted?.Invoke(row) == true;
            html.Append(marked ? "<tr class=\"highlight\">" : "<tr>");
            var first = true;
            foreach (var group in groups)
            {
                if (group[0].IsLabel)
                {
                    html.Append("<td class=\"label\">").Append(marked && first ? "◆ " : string.Empty).Append(Encode(row.Labels.GetValueOrDefault(group[0].Name, string.Empty))).Append("</td>");
                }
                else
                {
                    html.Append("<td class=\"number\" data-kind=\"").Append(ColumnKindName(group[0])).Append("\" data-column=\"").Append(Encode(group[0].Name)).Append("\">")
                        .Append(Encode(Cell(row, group))).Append(Marker(row, group, rules)).Append("</td>");
                }

                first = false;
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        var notes = Notes(rules).ToList();
        if (notes.Count > 0)
        {
            html.Append("<figcaption><ol class=\"table-notes\">");
            foreach (var note in notes)
            {
                html.Append("<li>").Append(Encode(note)).Append("</li>");
            }

            html.Append("</ol></figcaption>");
        }

        return html.Append("</figure>").ToString();
    }

    /// <summary>The table as tab-separated text with its notes.</summary>
    public override string ToString()
    {
        var groups = Groups();
        var rules = UsedRules(groups);
        var text = new StringBuilder(Title ?? Table.Title).Append('\n').AppendJoin('\t', groups.Select(Header)).Append('\n');
        foreach (var row in Rows)
        {
            text.AppendJoin('\t', groups.Select(g => g[0].IsLabel ? row.Labels.GetValueOrDefault(g[0].Name, string.Empty) : Cell(row, g) + Marker(row, g, rules))).Append('\n');
        }

        foreach (var note in Notes(rules))
        {
            text.Append("Note: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>How the value <paramref name="column"/> of <paramref name="row"/> is shown.</summary>
    public string Format(ResultRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        var declared = Table.Column(column);
        return declared.IsLabel ? row.Label(column) : ValueFormatter.Format(declared, row.Values.GetValueOrDefault(column));
    }

    private static string ColumnKindName(ResultColumn column) => column.Kind.ToString().ToLowerInvariant();

    // Adjacent lower and upper limits in one unit are shown as one interval column.
    private List<ResultColumn[]> Groups()
    {
        var groups = new List<ResultColumn[]>();
        for (var i = 0; i < _columns.Count; i++)
        {
            if (_columns[i].Kind == ColumnKind.Limit && i + 1 < _columns.Count && _columns[i + 1].Kind == ColumnKind.Limit && _columns[i + 1].Unit == _columns[i].Unit)
            {
                groups.Add([_columns[i], _columns[i + 1]]);
                i++;
            }
            else
            {
                groups.Add([_columns[i]]);
            }
        }

        return groups;
    }

    private static string Header(ResultColumn[] group)
    {
        if (group.Length == 1)
        {
            return ValueFormatter.Header(group[0]);
        }

        var header = ValueFormatter.Header(group[0]);
        var comma = group[0].Header.LastIndexOf(',');
        return comma > 0 ? ValueFormatter.Header(group[0] with { Header = group[0].Header[..comma] }) : header;
    }

    // Not applicable (the row has no such value) is blank; not available (null, not withheld) is "n/a"; withheld is "–".
    private static string Cell(ResultRow row, ResultColumn[] group)
    {
        if (!row.Values.ContainsKey(group[0].Name))
        {
            return string.Empty;
        }

        if (group.All(c => row.Values.GetValueOrDefault(c.Name) is null) && !group.Any(c => row.IsWithheld(c.Name)))
        {
            return NotAvailable;
        }

        return group.Length == 1
            ? ValueFormatter.Format(group[0], row.Values.GetValueOrDefault(group[0].Name))
            : ValueFormatter.Interval(group[0], row.Values.GetValueOrDefault(group[0].Name), row.Values.GetValueOrDefault(group[1].Name));
    }

    // Rounding is a property of whole columns, stated once in the notes; only withheld cells carry a letter.
    private List<string> UsedRules(List<ResultColumn[]> groups) =>
        DisclosureRule.All.Select(r => r.Key).Where(key => Rows.Any(row => groups.Any(g => g.Any(c => row.IsWithheld(c.Name) && row.Disclosure[c.Name] == key)))).ToList();

    private bool AnyRounded(List<ResultColumn[]> groups) =>
        Rows.Any(row => groups.Any(g => g.Any(c => row.Disclosure.GetValueOrDefault(c.Name) == DisclosureRule.Rounded.Key && !row.IsWithheld(c.Name))));

    private static string Marker(ResultRow row, ResultColumn[] group, List<string> rules)
    {
        var used = group.Where(c => row.IsWithheld(c.Name)).Select(c => row.Disclosure[c.Name]).Distinct().Select(k => Letter(rules.IndexOf(k))).ToList();
        return used.Count == 0 ? string.Empty : " " + string.Join(",", used);
    }

    private static string Letter(int index) => ((char)('a' + index)).ToString();

    private IEnumerable<string> Notes(List<string> rules)
    {
        if (HighlightNote is not null && Rows.Any(r => Highlighted!(r)))
        {
            yield return "◆ " + HighlightNote;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"– {Letter(i)}: withheld, {DisclosureRule.Of(rules[i]).Describe(MinimumCount)}.");
        }

        if (AnyRounded(Groups()))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Sample sizes (persons in a model or a mean) are rounded to a multiple of {DisclosureControl.RoundingBase}, at least {MinimumCount}; exact counts are in the design tables.");
        }

        foreach (var note in Table.Footnotes)
        {
            yield return note;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
