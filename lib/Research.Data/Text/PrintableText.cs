using System.Globalization;
using System.Text;

namespace Research.Data.Text;

/// <summary>
/// Makes untrusted text safe to print on a terminal or in a plain-text report: control characters (C0, DEL, C1) and
/// the invisible bidirectional overrides that can make a line read differently than it is ("Trojan Source") are shown
/// as escapes such as <c>\u001B</c>, so a cell value cannot move the cursor, recolour or clear a reviewer's terminal.
/// </summary>
public static class PrintableText
{
    /// <summary>Whether <paramref name="c"/> would be escaped (line breaks and tabs excepted when kept).</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>
    /// <paramref name="text"/> with every unsafe character escaped; with <paramref name="keepLineBreaks"/>, newlines,
    /// carriage returns and tabs pass through (for whole reports), else they are escaped too (for one value).
    /// </summary>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => IsUnsafe(c) && !(keepLineBreaks && IsLayout(c))))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(escaped, c, keepLineBreaks);
        }

        return escaped.ToString();
    }

    /// <summary>Appends <paramref name="c"/> to <paramref name="builder"/>, escaped if unsafe.</summary>
    public static void Append(StringBuilder builder, char c, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsUnsafe(c) || (keepLineBreaks && IsLayout(c)))
        {
            builder.Append(c);
            return;
        }

        builder.Append(c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
        });
    }

    private static bool IsLayout(char c) => c is '\n' or '\r' or '\t';
}
