using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using Research.Notebooks;
using Research.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// .NET Interactive's display helpers beyond <c>x.Display()</c> (which <see cref="Displays"/> provides):
/// <see cref="DisplayAs"/> and <see cref="DisplayTable{T}"/>.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> as given, under <paramref name="mimeType"/> (e.g. <c>text/markdown</c>).</summary>
    public static DisplayHandle DisplayAs(this string value, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Running.Cell.Display(new MimeBundle().Set(mimeType, value).Set(MimeBundle.PlainText, value));
    }

    /// <summary>
    /// Shows <paramref name="source"/> as a table whose columns are <typeparamref name="T"/>'s public properties
    /// (and fields), as HTML and as CSV; each cell is formatted as the notebook formats that value.
    /// </summary>
    public static DisplayHandle DisplayTable<T>(this IEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var cell = Running.Cell;
        var members = TableMembers.Of(typeof(T));
        var rows = source.Take(cell.FormatContext.RowLimit + 1).ToList();
        var more = rows.Count > cell.FormatContext.RowLimit;
        rows = rows.Take(cell.FormatContext.RowLimit).ToList();

        var header = Tag("thead", Tag("tr", members.Select(m => Tag("th", m.Name))));
        var body = Tag("tbody", rows.Select(row => Tag("tr", members
            .Select(m => Tag("td", new HtmlContent(cell.Formatters.NestedHtml(m.Read(row), cell.FormatContext)))))));
        var html = Tag("table", header, body).ToHtml()
            + (more ? Tag("p", string.Format(CultureInfo.InvariantCulture, "(first {0} rows shown)", rows.Count)).ToHtml() : string.Empty);
        var csv = TableMembers.Csv(members, rows, v => cell.Formatters.PlainText(v, cell.FormatContext));
        return cell.Display(new MimeBundle().Set(MimeBundle.Html, html).Set("text/csv", csv).Set(MimeBundle.PlainText, csv));
    }

    private static PocketView Tag(string name, params object?[] content) => new PocketView(name).With(content);

    private static PocketView Tag(string name, IEnumerable<PocketView> content) => new PocketView(name).With(content.ToArray<object?>());
}
