using System.Globalization;
using Deedle;

namespace Research.Notebooks.Formatting;

/// <summary>
/// The formatter of Deedle frames (<see cref="Frame{TRowKey, TColumnKey}"/>): an HTML and a plain-text table whose first
/// column holds the row keys, capped at <see cref="FormatContext.RowLimit"/> rows like the DataFrame formatter, with a
/// footer giving the frame's size. Missing values show as empty cells.
/// </summary>
/// <remarks>
/// A frame is generic in its row and column key types, so it is read through <see cref="FrameData"/>, Deedle's
/// key-type-free view of a frame (keys as object arrays, one per level of a hierarchical key; columns as vectors of
/// objects). Its sequences are lazy: only the rows shown are read.
/// </remarks>
internal static class DeedleFrames
{
    /// <summary>Formats <paramref name="frame"/>, a <see cref="Frame{TRowKey, TColumnKey}"/> of any key types.</summary>
    public static MimeBundle Format(object frame, FormatContext context)
    {
        var type = frame.GetType();
        var data = (FrameData)type.GetMethod(nameof(Frame<int, int>.GetFrameData))!.Invoke(frame, null)!;
        var rowCount = (int)type.GetProperty(nameof(Frame<int, int>.RowCount))!.GetValue(frame)!;
        var shown = (int)Math.Min(rowCount, context.RowLimit);
        var columns = data.Columns.Select(c => c.Item2.ObjectSequence.Take(shown).ToList()).ToList();
        var header = data.ColumnKeys.Select(Key).Prepend(string.Empty).ToList();
        var rows = data.RowKeys.Take(shown)
            .Select((key, r) => (IReadOnlyList<string>)columns.Select(c => c[r].HasValue ? Cell(c[r].Value) : string.Empty).Prepend(Key(key)).ToList())
            .ToList();
        var footer = string.Create(CultureInfo.InvariantCulture, $"{rowCount} rows × {columns.Count} columns (Deedle frame)")
                     + (shown < rowCount ? string.Create(CultureInfo.InvariantCulture, $" (first {shown} shown)") : string.Empty);
        return new MimeBundle()
            .Set(MimeBundle.Html, HtmlTable.Html(header, rows, footer))
            .Set(MimeBundle.PlainText, HtmlTable.Text(header, rows, footer));
    }

    // A hierarchical key's levels are joined with " / ".
    private static string Key(object[] levels) => string.Join(" / ", levels.Select(Cell));

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d when double.IsNaN(d) => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
